using System.Linq.Expressions;
using GovernanceCloud.Cases.ReadModel;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.OData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Cases.Feeds;

/// <summary>The <c>/odata/Cases</c> feed, scoped to the token's tenant by the read model's filter.</summary>
[ApiExplorerSettings(IgnoreApi = false)]
[Authorize(Policy = GovernancePolicies.Feeds)]
public sealed class CasesController(ReadModelDbContext readModel) : FeedController<CaseRow>
{
    protected override IQueryable<CaseRow> Rows => readModel.Set<CaseRow>().AsNoTracking();

    protected override Expression<Func<CaseRow, string>> KeyOf => r => r.Id;
}

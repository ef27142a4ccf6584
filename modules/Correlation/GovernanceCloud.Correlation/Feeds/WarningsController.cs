using System.Linq.Expressions;
using GovernanceCloud.Correlation.ReadModel;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.OData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Correlation.Feeds;

/// <summary>The <c>/odata/Warnings</c> feed, scoped to the token's tenant by the read model's filter.</summary>
[ApiExplorerSettings(IgnoreApi = false)]
[Authorize(Policy = GovernancePolicies.Feeds)]
public sealed class WarningsController(ReadModelDbContext readModel) : FeedController<WarningRow>
{
    protected override IQueryable<WarningRow> Rows => readModel.Set<WarningRow>().AsNoTracking();

    protected override Expression<Func<WarningRow, string>> KeyOf => r => r.Id;
}

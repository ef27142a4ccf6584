using System.Linq.Expressions;
using GovernanceCloud.Correlation.ReadModel;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.OData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Correlation.Feeds;

/// <summary>The <c>/odata/Matters</c> feed, scoped to the token's tenant by the read model's filter.</summary>
[ApiExplorerSettings(IgnoreApi = false)]
[Authorize(Policy = GovernancePolicies.Feeds)]
public sealed class MattersController(ReadModelDbContext readModel) : FeedController<MatterRow>
{
    protected override IQueryable<MatterRow> Rows => readModel.Set<MatterRow>().AsNoTracking();

    protected override Expression<Func<MatterRow, string>> KeyOf => r => r.Id;
}

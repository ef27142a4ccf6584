using System.Linq.Expressions;
using GovernanceCloud.BaseData.ReadModel;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.OData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.BaseData.Feeds;

/// <summary>The <c>/odata/Grids</c> feed, scoped to the token's tenant by the read model's filter.</summary>
[ApiExplorerSettings(IgnoreApi = false)]
[Authorize(Policy = GovernancePolicies.Feeds)]
public sealed class GridsController(ReadModelDbContext readModel) : FeedController<GridRow>
{
    protected override IQueryable<GridRow> Rows => readModel.Set<GridRow>().AsNoTracking();

    protected override Expression<Func<GridRow, string>> KeyOf => r => r.Id;
}

using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Tenancy.ReadModel;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.OData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Tenancy.Feeds;

/// <summary>The <c>/odata/Towns</c> feed, read from the read model and scoped to the token's tenant by its query filter.</summary>
[ApiExplorerSettings(IgnoreApi = false)]
[Authorize(Policy = GovernancePolicies.Feeds)]
public sealed class TownsController(ReadModelDbContext readModel) : ODataController
{
    [FeedQuery]
    public IQueryable<TownRow> Get() => readModel.Set<TownRow>().AsNoTracking();

    [FeedQuery]
    public SingleResult<TownRow> Get([FromRoute] string key) =>
        SingleResult.Create(readModel.Set<TownRow>().AsNoTracking().Where(t => t.Id == key));
}

using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Tenancy.ReadModel;
using GovernanceCloud.Web.OData;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Tenancy.Feeds;

/// <summary>The <c>/odata/Towns</c> feed, read from the read model.</summary>
[ApiExplorerSettings(IgnoreApi = false)]
public sealed class TownsController(ReadModelDbContext readModel) : ODataController
{
    [FeedQuery]
    public IQueryable<TownRow> Get() => readModel.Set<TownRow>().AsNoTracking();

    [FeedQuery]
    public SingleResult<TownRow> Get([FromRoute] string key) =>
        SingleResult.Create(readModel.Set<TownRow>().AsNoTracking().Where(t => t.Id == key));
}

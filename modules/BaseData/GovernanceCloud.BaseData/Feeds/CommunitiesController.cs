using GovernanceCloud.BaseData.ReadModel;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.OData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.BaseData.Feeds;

/// <summary>The <c>/odata/Communities</c> feed, scoped to the token's tenant by the read model's filter.</summary>
[ApiExplorerSettings(IgnoreApi = false)]
[Authorize(Policy = GovernancePolicies.Feeds)]
public sealed class CommunitiesController(ReadModelDbContext readModel) : ODataController
{
    [FeedQuery]
    public IQueryable<CommunityRow> Get() => readModel.Set<CommunityRow>().AsNoTracking();

    [FeedQuery]
    public SingleResult<CommunityRow> Get([FromRoute] string key) =>
        SingleResult.Create(readModel.Set<CommunityRow>().AsNoTracking().Where(c => c.Id == key));
}

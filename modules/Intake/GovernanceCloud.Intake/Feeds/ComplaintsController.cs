using GovernanceCloud.Intake.ReadModel;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.OData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Intake.Feeds;

/// <summary>The <c>/odata/Complaints</c> feed, scoped to the token's tenant by the read model's filter.</summary>
[ApiExplorerSettings(IgnoreApi = false)]
[Authorize(Policy = GovernancePolicies.Feeds)]
public sealed class ComplaintsController(ReadModelDbContext readModel) : ODataController
{
    [FeedQuery]
    public IQueryable<ComplaintRow> Get() => readModel.Set<ComplaintRow>().AsNoTracking();

    [FeedQuery]
    public SingleResult<ComplaintRow> Get([FromRoute] string key) =>
        SingleResult.Create(readModel.Set<ComplaintRow>().AsNoTracking().Where(c => c.Id == key));
}

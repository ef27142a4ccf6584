using System.Linq.Expressions;
using GovernanceCloud.Intake.ReadModel;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.OData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Intake.Feeds;

/// <summary>The <c>/odata/Complaints</c> feed, scoped to the token's tenant by the read model's filter.</summary>
[ApiExplorerSettings(IgnoreApi = false)]
[Authorize(Policy = GovernancePolicies.Feeds)]
public sealed class ComplaintsController(ReadModelDbContext readModel) : FeedController<ComplaintRow>
{
    protected override IQueryable<ComplaintRow> Rows => readModel.Set<ComplaintRow>().AsNoTracking();

    protected override Expression<Func<ComplaintRow, string>> KeyOf => r => r.Id;
}

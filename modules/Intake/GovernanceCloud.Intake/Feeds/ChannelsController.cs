using System.Linq.Expressions;
using GovernanceCloud.Intake.ReadModel;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.OData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Intake.Feeds;

/// <summary>The <c>/odata/Channels</c> feed: the district's channel registry, for district tokens (channels belong to the district, not to a town).</summary>
[ApiExplorerSettings(IgnoreApi = false)]
[Authorize(Policy = GovernancePolicies.Feeds)]
public sealed class ChannelsController(ReadModelDbContext readModel) : FeedController<ChannelRow>
{
    protected override IQueryable<ChannelRow> Rows => readModel.Set<ChannelRow>().AsNoTracking();

    protected override Expression<Func<ChannelRow, string>> KeyOf => r => r.Id;
}

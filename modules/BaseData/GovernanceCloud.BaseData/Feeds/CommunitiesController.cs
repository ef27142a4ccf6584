using System.Linq.Expressions;
using GovernanceCloud.BaseData.ReadModel;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.OData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.BaseData.Feeds;

/// <summary>The <c>/odata/Communities</c> feed, scoped to the token's tenant by the read model's filter.</summary>
[ApiExplorerSettings(IgnoreApi = false)]
[Authorize(Policy = GovernancePolicies.Feeds)]
public sealed class CommunitiesController(ReadModelDbContext readModel) : FeedController<CommunityRow>
{
    protected override IQueryable<CommunityRow> Rows => readModel.Set<CommunityRow>().AsNoTracking();

    protected override Expression<Func<CommunityRow, string>> KeyOf => r => r.Id;
}

using System.Linq.Expressions;
using GovernanceCloud.Tenancy.ReadModel;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.OData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Tenancy.Feeds;

/// <summary>The <c>/odata/Towns</c> feed, read from the read model and scoped to the token's tenant by its query filter.</summary>
[ApiExplorerSettings(IgnoreApi = false)]
[Authorize(Policy = GovernancePolicies.Feeds)]
public sealed class TownsController(ReadModelDbContext readModel) : FeedController<TownRow>
{
    protected override IQueryable<TownRow> Rows => readModel.Set<TownRow>().AsNoTracking();

    protected override Expression<Func<TownRow, string>> KeyOf => r => r.Id;
}

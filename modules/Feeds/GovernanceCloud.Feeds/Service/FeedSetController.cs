using GovernanceCloud.Feeds.Data;
using GovernanceCloud.Feeds.Delta;
using GovernanceCloud.Feeds.Model;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Feeds.Service;

/// <summary>
/// One entity set of the service: the list and one row by key, both with the query options, and
/// incremental sync (<c>Prefer: odata.track-changes</c>, then <c>$deltatoken</c>) for the sets
/// whose rows carry a change sequence. The rows come through the feed context, whose tenant filter
/// scopes them to the token. The derived controller is named after the entity set.
/// </summary>
[Authorize(Policy = GovernancePolicies.Feeds)]
public abstract class FeedSetController<TEntity>(FeedDbContext db) : ODataController
    where TEntity : FeedEntity
{
    private const string TrackChanges = "odata.track-changes";

    [FeedQuery]
    public async Task<IActionResult> Get(CancellationToken cancellationToken)
    {
        var token = Request.Query["$deltatoken"].ToString();
        var tracking = Request.Headers["Prefer"].Any(p => p?.Contains(TrackChanges, StringComparison.OrdinalIgnoreCase) == true);
        if (token.Length == 0 && !(tracking && IsTracked))
        {
            // Declared as the entity set's type: after $apply the rows are aggregation wrappers,
            // which the OData formatter writes only when it knows the set they came from.
            return new ObjectResult(db.Set<TEntity>().AsNoTracking()) { DeclaredType = typeof(IQueryable<TEntity>) };
        }

        if (Request.Query.Keys.FirstOrDefault(k => k.StartsWith('$') && k != "$deltatoken") is { } other)
        {
            return Refuse(other, $"增量同步不支持与 {other} 同时使用。");
        }

        if (!IsTracked)
        {
            return Refuse("$deltatoken", $"{SetName} 不支持增量同步。");
        }

        var tenant = TenantRequestContext.Current!.Value;
        DeltaToken delta;
        if (token.Length == 0)
        {
            delta = DeltaFeed.Start(SetName, tenant);
        }
        else if (DeltaToken.Decode(token) is { } decoded && decoded.Set == SetName && decoded.Tenant == tenant.Value)
        {
            delta = decoded;
        }
        else
        {
            return Refuse("$deltatoken", "增量同步令牌无效，或不属于本数据集或本租户。");
        }

        Response.ContentType = "application/json; odata.metadata=minimal; charset=utf-8";
        Response.Headers["OData-Version"] = "4.01";
        if (tracking)
        {
            Response.Headers["Preference-Applied"] = TrackChanges;
        }

        await new DeltaFeed(db).WriteAsync<TEntity>(delta, ServiceRoot, Response.Body, cancellationToken);
        return new EmptyResult();
    }

    [FeedQuery]
    public SingleResult<TEntity> Get([FromRoute] string key) => SingleResult.Create(db.Set<TEntity>().AsNoTracking().Where(e => e.Id == key));

    private static string SetName => FeedModel.Sets.Single(s => s.Value == typeof(TEntity)).Key;

    private static bool IsTracked => FeedModel.Tracked.Contains(typeof(TEntity));

    private string ServiceRoot => $"{Request.Scheme}://{Request.Host}{Request.PathBase}/{Request.ODataFeature().RoutePrefix}";

    private static BadRequestObjectResult Refuse(string field, string message) =>
        new(new ProblemDetails { Status = 400, Title = "请求无效", Detail = message, Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } } });
}

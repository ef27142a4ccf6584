using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.AspNetCore.OData.Routing.Controllers;

namespace GovernanceCloud.Web.OData;

/// <summary>
/// An OData entity set over read-model rows: the list and one row by key, both with the feed's
/// query options. The rows come from the read model, whose tenant filter scopes them to the token.
/// The derived controller is named after the entity set and carries its authorization policy.
/// </summary>
public abstract class FeedController<TRow> : ODataController
    where TRow : class
{
    /// <summary>The entity set's rows (untracked).</summary>
    protected abstract IQueryable<TRow> Rows { get; }

    /// <summary>The key property.</summary>
    protected abstract Expression<Func<TRow, string>> KeyOf { get; }

    [FeedQuery]
    public IQueryable<TRow> Get() => Rows;

    [FeedQuery]
    public SingleResult<TRow> Get([FromRoute] string key) => SingleResult.Create(Rows.Where(Matching(key)));

    // The key enters as a captured variable, as in hand-written LINQ, so EF sends it as a
    // parameter and caches one plan for every key.
    private Expression<Func<TRow, bool>> Matching(string key)
    {
        Expression<Func<string>> captured = () => key;
        var keyOf = KeyOf; // one lambda: its body and its parameter must belong together
        return Expression.Lambda<Func<TRow, bool>>(Expression.Equal(keyOf.Body, captured.Body), keyOf.Parameters);
    }
}

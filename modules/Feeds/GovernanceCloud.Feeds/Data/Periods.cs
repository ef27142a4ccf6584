using System.Linq.Expressions;

namespace GovernanceCloud.Feeds.Data;

/// <summary>A period of time on a set: from (inclusive) to (exclusive), either bound optional.</summary>
internal static class Periods
{
    // The bounds enter as captured variables, as in hand-written LINQ, so EF sends them as
    // parameters and keeps one plan for every period.
    public static IQueryable<T> Within<T>(IQueryable<T> rows, Expression<Func<T, DateTimeOffset>> time, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } start)
        {
            Expression<Func<DateTimeOffset>> bound = () => start;
            rows = rows.Where(Expression.Lambda<Func<T, bool>>(Expression.GreaterThanOrEqual(time.Body, bound.Body), time.Parameters));
        }

        if (to is { } end)
        {
            Expression<Func<DateTimeOffset>> bound = () => end;
            rows = rows.Where(Expression.Lambda<Func<T, bool>>(Expression.LessThan(time.Body, bound.Body), time.Parameters));
        }

        return rows;
    }
}

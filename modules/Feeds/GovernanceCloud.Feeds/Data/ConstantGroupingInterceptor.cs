using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GovernanceCloud.Feeds.Data;

/// <summary>
/// Takes constants out of the GROUP BY of an OData <c>$apply</c>. The service's aggregation
/// wrappers carry each grouped property's name as a constant; EF lifts those constants into a
/// subquery as columns and groups by them too. The result is the same without them, but SQLite
/// can then no longer group in index order and sorts every row: 0.7 s instead of 0.08 s over a
/// million cases (docs/benchmarks.md). A GROUP BY term is dropped only when the subquery it names
/// defines that column as a string literal.
/// </summary>
internal sealed partial class ConstantGroupingInterceptor : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        command.CommandText = Rewrite(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        command.CommandText = Rewrite(command.CommandText);
        return ValueTask.FromResult(result);
    }

    /// <summary>The statement with constant subquery columns taken out of its GROUP BY clauses.</summary>
    public static string Rewrite(string sql)
    {
        if (!sql.Contains("GROUP BY", StringComparison.Ordinal) || !sql.Contains("' AS \"", StringComparison.Ordinal))
        {
            return sql;
        }

        return GroupBy().Replace(sql, clause =>
        {
            var terms = clause.Groups["terms"].Value.Split(", ");
            var kept = terms.Where(term => !IsConstant(sql, clause.Index, term)).ToArray();
            if (kept.Length == 0 || kept.Length == terms.Length)
            {
                return clause.Value;
            }

            // Grouped in the order the rows are sorted in (the same columns), the database can group
            // and sort in one pass along an index that has them in that order.
            var orderBy = OrderBy().Match(sql, clause.Index + clause.Length);
            if (orderBy.Success && orderBy.Index == clause.Index + clause.Length && orderBy.Groups["terms"].Value.Split(", ") is var sorted
                && sorted.Length == kept.Length && !sorted.Except(kept, StringComparer.Ordinal).Any())
            {
                kept = sorted;
            }

            return $"GROUP BY {string.Join(", ", kept)}";
        });
    }

    // "c0"."Name" is constant when the subquery aliased "c0" (which ends just before this GROUP BY) projects 'literal' AS "Name".
    private static bool IsConstant(string sql, int groupBy, string term)
    {
        if (Column().Match(term) is not { Success: true } column)
        {
            return false;
        }

        var end = sql.LastIndexOf($") AS \"{column.Groups["table"].Value}\"", groupBy, StringComparison.Ordinal);
        var start = end < 0 ? -1 : sql.LastIndexOf("SELECT ", end, StringComparison.Ordinal);
        if (start < 0)
        {
            return false;
        }

        var from = sql.IndexOf('\n', start) is var line and > 0 ? line : end;
        return Regex.IsMatch(sql[start..from], $"'[^']*' AS \"{Regex.Escape(column.Groups["column"].Value)}\"(,|$)");
    }

    [GeneratedRegex(@"GROUP BY (?<terms>""[^""]+""\.""[^""]+""(, ""[^""]+""\.""[^""]+"")*)")]
    private static partial Regex GroupBy();

    [GeneratedRegex(@"\s*ORDER BY (?<terms>""[^""]+""\.""[^""]+""(, ""[^""]+""\.""[^""]+"")*)(?=\s|$)")]
    private static partial Regex OrderBy();

    [GeneratedRegex(@"^""(?<table>[^""]+)""\.""(?<column>[^""]+)""$")]
    private static partial Regex Column();
}

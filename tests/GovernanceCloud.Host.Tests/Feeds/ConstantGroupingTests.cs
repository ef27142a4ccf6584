using GovernanceCloud.Feeds.Data;
using Xunit;

namespace GovernanceCloud.Host.Tests.Feeds;

/// <summary>The rewrite that keeps an OData $apply's GROUP BY on columns only.</summary>
public sealed class ConstantGroupingTests
{
    private const string Apply = """
        SELECT "c0"."Name", "c0"."Status" AS "Value", "c0"."Name0" AS "Name", "c0"."TownId" AS "Value", 'Count' AS "Name", COUNT(*) AS "Value"
        FROM (
            SELECT "c"."Status", "c"."TownId", 'Status' AS "Name", 'TownId' AS "Name0"
            FROM "Cases" AS "c"
            WHERE "c"."DistrictId" = @ef_filter__ScopeDistrict
        ) AS "c0"
        GROUP BY "c0"."Name", "c0"."Status", "c0"."Name0", "c0"."TownId"
        ORDER BY "c0"."TownId", "c0"."Status"
        LIMIT @TypedProperty
        """;

    [Fact]
    public void ConstantColumnsOfTheSubquery_LeaveTheGroupBy()
    {
        var rewritten = ConstantGroupingInterceptor.Rewrite(Apply);
        // The constants go, and the columns follow the ORDER BY, so one index pass groups and sorts.
        Assert.Equal(Apply.Replace("GROUP BY \"c0\".\"Name\", \"c0\".\"Status\", \"c0\".\"Name0\", \"c0\".\"TownId\"", "GROUP BY \"c0\".\"TownId\", \"c0\".\"Status\"", StringComparison.Ordinal), rewritten);
    }

    [Theory]
    [InlineData("SELECT \"t\".\"Name\", COUNT(*) FROM \"Towns\" AS \"t\" GROUP BY \"t\".\"Name\"")]
    [InlineData("SELECT \"c0\".\"Name\", COUNT(*)\nFROM (\n    SELECT \"c\".\"Name\", 'x' AS \"Kind\"\n    FROM \"T\" AS \"c\"\n) AS \"c0\"\nGROUP BY \"c0\".\"Name\"")]
    public void RealColumns_StayInTheGroupBy(string sql) => Assert.Equal(sql, ConstantGroupingInterceptor.Rewrite(sql));
}

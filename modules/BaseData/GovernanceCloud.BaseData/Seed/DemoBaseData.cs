using System.Globalization;
using GovernanceCloud.BaseData.ReadModel;
using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.BaseData.Seed;

/// <summary>
/// Generates the demo district's grids and communities, deterministically: 212 grids across the
/// towns (the district's real count), three communities each, and rectangular grid boundaries laid
/// out inside each town's box of the district's map, so addresses and locations both resolve.
/// </summary>
internal static class DemoBaseData
{
    public const int GridCount = 212;
    public const int CommunitiesPerGrid = 3;

    // The district's extent (WGS-84), split into one column per town.
    private const double South = 31.36, North = 31.52, West = 120.50, East = 120.78;

    public static DemoPlan Plan(IReadOnlyList<TenantInfo> towns, int seed = 2026)
    {
        var random = new Random(seed);
        var names = UniqueEstateNames(random).GetEnumerator();
        var grids = new List<DemoGrid>();
        var communities = new List<CommunityRow>();
        var perTown = Distribute(towns);
        var width = (East - West) / towns.Count;
        for (var t = 0; t < towns.Count; t++)
        {
            var town = towns[t];
            var count = perTown[t];
            var columns = (int)Math.Ceiling(Math.Sqrt(count));
            var rows = (int)Math.Ceiling(count / (double)columns);
            var cellWidth = width / columns;
            var cellHeight = (North - South) / rows;
            var shortName = town.Name.Replace("街道", "", StringComparison.Ordinal).Replace("镇", "", StringComparison.Ordinal);
            for (var g = 0; g < count; g++)
            {
                var code = $"g{g + 1:000}";
                var west = West + (t * width) + (g % columns * cellWidth);
                var south = South + (g / columns * cellHeight);
                var worker = ChineseNames.Surnames[random.Next(ChineseNames.Surnames.Length)] + ChineseNames.GivenNames[random.Next(ChineseNames.GivenNames.Length)];
                grids.Add(new DemoGrid(town.Id, code, $"{shortName}第{g + 1:00}网格", worker, Rectangle(west, south, cellWidth, cellHeight)));
                for (var c = 0; c < CommunitiesPerGrid; c++)
                {
                    // The issue's own example address must resolve: 元和街道西湖君庭小区12幢.
                    var name = town.Id.Slug == "yuanhe" && g == 0 && c == 0 ? "西湖君庭" : Next(names);
                    communities.Add(new CommunityRow
                    {
                        Id = TenantGrainKey.Create(town.Id, $"c{(g * CommunitiesPerGrid) + c + 1:0000}"),
                        DistrictId = town.Id.District.Value,
                        TownId = town.Id.Value,
                        GridId = TenantGrainKey.Create(town.Id, code),
                        Name = name,
                        Aliases = Aliases(name),
                        Version = 1,
                    });
                }
            }
        }

        return new DemoPlan(grids, communities);
    }

    // Yuanhe, the largest street, gets the most grids; the rest share the remainder evenly.
    private static int[] Distribute(IReadOnlyList<TenantInfo> towns)
    {
        var counts = new int[towns.Count];
        var yuanhe = towns.ToList().FindIndex(t => t.Id.Slug == "yuanhe");
        var remaining = GridCount;
        if (yuanhe >= 0 && towns.Count > 1)
        {
            counts[yuanhe] = 30;
            remaining -= 30;
        }

        var others = Enumerable.Range(0, towns.Count).Where(i => i != yuanhe || towns.Count == 1).ToArray();
        for (var i = 0; i < others.Length; i++)
        {
            counts[others[i]] = (remaining / others.Length) + (i < remaining % others.Length ? 1 : 0);
        }

        return counts;
    }

    private static IEnumerable<string> UniqueEstateNames(Random random)
    {
        var all = ChineseNames.EstatePrefixes
            .SelectMany(p => ChineseNames.EstateSuffixes.Select(s => p + s))
            .Where(n => n != "西湖君庭")
            .OrderBy(_ => random.Next())
            .ToList();
        foreach (var name in all)
        {
            yield return name;
        }
    }

    private static string Next(IEnumerator<string> names) =>
        names.MoveNext() ? names.Current : throw new InvalidOperationException("Not enough estate names for the demo.");

    // What residents also call it: "阳澄花园" is also "阳澄花园小区".
    private static string Aliases(string name) => name.EndsWith("小区", StringComparison.Ordinal) ? "" : name + "小区";

    private static string Rectangle(double west, double south, double width, double height)
    {
        static string P(double lng, double lat) => string.Create(CultureInfo.InvariantCulture, $"[{lng:F6},{lat:F6}]");
        var (east, north) = (west + width, south + height);
        return $"{{\"type\":\"Polygon\",\"coordinates\":[[{P(west, south)},{P(east, south)},{P(east, north)},{P(west, north)},{P(west, south)}]]}}";
    }
}

/// <summary>The demo's grids (registered through their grains) and communities (written as rows).</summary>
internal sealed record DemoPlan(IReadOnlyList<DemoGrid> Grids, IReadOnlyList<CommunityRow> Communities);

/// <summary>One demo grid.</summary>
internal sealed record DemoGrid(TenantId Town, string Code, string Name, string GridWorker, string Polygon);

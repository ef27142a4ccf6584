using System.Diagnostics;
using GovernanceCloud.BaseData.Gazetteer;
using GovernanceCloud.BaseData.Seed;
using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Bench;

/// <summary>
/// Address → grid resolution over the demo district's gazetteer (212 grids, 636 communities, their
/// aliases, 11 towns), on one thread and on every core. The baseline, measured in the same run, is
/// the obvious approach: test every place name against every address with <c>Contains</c>.
/// </summary>
internal static class AddressResolveScenario
{
    private static readonly (string Slug, string Name)[] DemoTowns =
    [
        ("yuanhe", "元和街道"), ("taiping", "太平街道"), ("huangqiao", "黄桥街道"), ("beiqiao", "北桥街道"), ("caohu", "漕湖街道"),
        ("chengyang", "澄阳街道"), ("beihejing", "北河泾街道"), ("wangting", "望亭镇"), ("huangdai", "黄埭镇"), ("weitang", "渭塘镇"),
        ("yangchenghu", "阳澄湖镇"),
    ];

    public static int Run(string[] args)
    {
        var count = args is ["--count", var n] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 200_000;
        var district = TenantId.ForDistrict("xiangcheng");
        var towns = DemoTowns.Select(t => new TenantInfo(district.Town(t.Slug), t.Name)).ToArray();
        var plan = DemoBaseData.Plan(towns);
        var communities = plan.Communities.Select(c => new CommunityEntry(c.Id, c.TownId!, c.GridId, c.Name, c.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries))).ToArray();
        var index = new GazetteerIndex(communities, towns.Select(t => (t.Id.Value, t.Name)), plan.Grids.Select(g => new GridEntry($"{g.Town}/{g.Code}", g.Town.Value, g.Polygon)));
        var addresses = Addresses(communities, towns, count);

        var baseline = Time(addresses, a => Naive(communities, a));
        var single = Time(addresses, a => index.Resolve(a, null).TownId);
        var clock = Stopwatch.StartNew();
        var resolved = 0;
        Parallel.ForEach(addresses, a =>
        {
            if (index.Resolve(a, null).IsResolved)
            {
                Interlocked.Increment(ref resolved);
            }
        });
        var parallel = count / clock.Elapsed.TotalSeconds;
        // Once more on one thread, now that every method has reached its optimised tier.
        single = Math.Max(single, Time(addresses, a => index.Resolve(a, null).TownId));
        baseline = Math.Max(baseline, Time(addresses, a => Naive(communities, a)));

        Console.WriteLine($"address-resolve: {count:N0} addresses, {communities.Length} communities, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"",-36}{"addresses/s",14}");
        Console.WriteLine($"{"baseline (Contains over every name)",-36}{baseline,14:N0}");
        Console.WriteLine($"{"gazetteer, one thread",-36}{single,14:N0}");
        Console.WriteLine($"{"gazetteer, all cores",-36}{parallel,14:N0}");
        Console.WriteLine($"ratio gazetteer / baseline (one thread): {single / baseline:F1}x; resolved {resolved * 100.0 / count:F0}% of a mix with 10% unknown places");
        return 0;
    }

    private static double Time(string[] addresses, Func<string, object?> resolve)
    {
        foreach (var a in addresses.Take(50_000))
        {
            resolve(a); // warm up
        }

        var clock = Stopwatch.StartNew();
        foreach (var a in addresses)
        {
            resolve(a);
        }

        return addresses.Length / clock.Elapsed.TotalSeconds;
    }

    // The longest community name the address contains, found by testing them all.
    private static string? Naive(CommunityEntry[] communities, string address)
    {
        CommunityEntry? best = null;
        foreach (var c in communities)
        {
            if ((best is null || c.Name.Length > best.Name.Length) && address.Contains(c.Name, StringComparison.Ordinal))
            {
                best = c;
            }
        }

        return best?.TownId;
    }

    // A realistic mix: with town and house number, bare names, aliases, towns only, places elsewhere.
    private static string[] Addresses(CommunityEntry[] communities, TenantInfo[] towns, int count)
    {
        var random = new Random(7);
        string[] elsewhere = ["观前街", "苏州工业园区金鸡湖大道", "吴中区木渎镇", "姑苏区平江路", "高新区狮山路"];
        return Enumerable.Range(0, count).Select(i =>
        {
            var c = communities[random.Next(communities.Length)];
            var town = towns.First(t => t.Id.Value == c.TownId).Name;
            return (i % 10) switch
            {
                < 5 => $"苏州市相城区{town}{c.Name}{random.Next(1, 40)}幢{random.Next(1, 19)}0{random.Next(1, 3)}室",
                < 7 => $"{c.Name}门口{(i % 2 == 0 ? "垃圾堆放" : "噪音扰民")}",
                7 => c.Aliases.Count > 0 ? $"{c.Aliases[0]}东门" : c.Name,
                8 => $"{town}某路口",
                _ => elsewhere[random.Next(elsewhere.Length)],
            };
        }).ToArray();
    }
}

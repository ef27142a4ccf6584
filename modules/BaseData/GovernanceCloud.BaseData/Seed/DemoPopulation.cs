using System.Globalization;
using GovernanceCloud.BaseData.Contracts;
using GovernanceCloud.BaseData.Import;
using GovernanceCloud.BaseData.ReadModel;
using GovernanceCloud.Kernel.Privacy;

namespace GovernanceCloud.BaseData.Seed;

/// <summary>
/// Generates a town's houses, people and businesses as import rows, deterministically: at scale 1.0
/// the district holds about 150,000 houses, 360,000 people and 49,000 businesses. Every ID number
/// and credit code has a valid check character; every number is fictitious.
/// </summary>
internal static class DemoPopulation
{
    public const int HousesAtFullScale = 150_000;
    public const int BusinessesAtFullScale = 49_000;
    public const double PeoplePerHouse = 2.4;
    private const string CreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private const int BirthDays = 80 * 365;

    /// <summary>The share of the district's rows that falls to one community (communities share evenly).</summary>
    public static int PerCommunity(int total, double scale, int communities) =>
        Math.Max(0, (int)Math.Round(total * scale / communities));

    public static IEnumerable<TableRow> Houses(IReadOnlyList<CommunityRow> communities, int perCommunity)
    {
        yield return Header(ImportKind.Houses);
        var number = 1L;
        foreach (var community in communities)
        {
            foreach (var (building, unit, room) in Rooms(perCommunity))
            {
                yield return new TableRow(++number, [GridCode(community.GridId), community.Name, building, unit, room]);
            }
        }
    }

    /// <summary>People of the houses above; <paramref name="firstSerial"/> keeps ID numbers unique across towns.</summary>
    public static IEnumerable<TableRow> People(IReadOnlyList<CommunityRow> communities, int housesPerCommunity, long firstSerial, int seed)
    {
        yield return Header(ImportKind.People);
        var random = new Random(seed);
        var serial = firstSerial;
        var number = 1L;
        var start = new DateOnly(1940, 1, 1);
        foreach (var community in communities)
        {
            foreach (var (building, unit, room) in Rooms(housesPerCommunity))
            {
                var residents = random.NextDouble() < 0.4 ? 2 : random.Next(1, 5);
                for (var r = 0; r < residents; r++, serial++)
                {
                    var birth = start.AddDays((int)(serial % BirthDays));
                    var first17 = $"320507{birth:yyyyMMdd}{(serial / BirthDays % 1000):000}";
                    var idNumber = first17 + ChineseIdNumber.CheckCharacter(first17);
                    var phone = $"1{3 + (serial % 7)}{serial % 1_000_000_000:000000000}";
                    var age = 2026 - birth.Year;
                    var tag = age >= 70 && random.NextDouble() < 0.15 ? "独居老人" : random.NextDouble() < 0.02 ? "低保户" : "";
                    var name = ChineseNames.Surnames[random.Next(ChineseNames.Surnames.Length)] + ChineseNames.GivenNames[random.Next(ChineseNames.GivenNames.Length)];
                    yield return new TableRow(++number, [name, idNumber, phone, GridCode(community.GridId), community.Name, building, unit, room, tag]);
                }
            }
        }
    }

    public static IEnumerable<TableRow> Businesses(string townName, IReadOnlyList<CommunityRow> communities, int perCommunity, long firstSerial, int seed)
    {
        yield return Header(ImportKind.Businesses);
        string[] trades = ["餐饮", "商贸", "物业管理", "建材", "电子科技", "物流", "美容美发", "便利店", "汽车维修", "教育咨询"];
        var random = new Random(seed);
        var serial = firstSerial;
        var number = 1L;
        foreach (var community in communities)
        {
            for (var b = 0; b < perCommunity; b++, serial++)
            {
                var first17 = "91320507" + Base31(serial, 9);
                var code = first17 + CreditCode.CheckCharacter(first17);
                var trade = trades[random.Next(trades.Length)];
                var name = $"苏州{ChineseNames.EstatePrefixes[random.Next(ChineseNames.EstatePrefixes.Length)]}{trade}有限公司";
                var road = ChineseNames.Roads[random.Next(ChineseNames.Roads.Length)];
                yield return new TableRow(++number, [code, name, $"{townName}{road}{random.Next(1, 999)}号", GridCode(community.GridId), $"0512-6{serial % 10_000_000:0000000}"]);
            }
        }
    }

    private static IEnumerable<(string Building, string Unit, string Room)> Rooms(int count)
    {
        for (var i = 0; i < count; i++)
        {
            // Buildings of 2 units × 18 floors × 2 rooms.
            var building = (i / 72) + 1;
            var unit = (i / 36 % 2) + 1;
            var floor = (i / 2 % 18) + 1;
            yield return (building.ToString(CultureInfo.InvariantCulture), unit.ToString(CultureInfo.InvariantCulture), $"{floor}{(i % 2) + 1:00}");
        }
    }

    private static string GridCode(string gridId) => gridId[(gridId.LastIndexOf('/') + 1)..];

    private static string Base31(long value, int length)
    {
        var chars = new char[length];
        for (var i = length - 1; i >= 0; i--)
        {
            chars[i] = CreditAlphabet[(int)(value % 31)];
            value /= 31;
        }

        return new string(chars);
    }

    private static TableRow Header(ImportKind kind) => new(1, [.. ImportColumns.Of(kind).Select(c => c.Header)]);
}

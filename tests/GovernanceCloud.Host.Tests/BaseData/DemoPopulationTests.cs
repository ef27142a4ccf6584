using System.Text.Json;
using GovernanceCloud.Testing;
using Xunit;

namespace GovernanceCloud.Host.Tests.BaseData;

/// <summary>The generated demo population is valid to the last row: every ID number, phone and credit code passes the importer.</summary>
public sealed class DemoPopulationTests : IAsyncLifetime
{
    private readonly HostFactory _host = new() { Settings = { ["Governance:DemoPopulationScale"] = "0.01" } };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task DemoSeed_PopulatesEveryTown_AndCountsReachTheGrids()
    {
        using var district = await _host.ClientAsAsync("xiangcheng-integrator");
        // The population is seeded after start-up, town by town; wait until every grid is counted.
        var grids = await Eventually.ReturnsAsync(
            async () => JsonDocument.Parse(await district.GetStringAsync("/odata/Grids?$select=TownId,PeopleCount,HouseCount,BusinessCount&$top=1000")),
            doc => doc.RootElement.GetProperty("value").EnumerateArray().Sum(g => g.GetProperty("HouseCount").GetInt32()) == 1272
                && doc.RootElement.GetProperty("value").EnumerateArray().Sum(g => g.GetProperty("BusinessCount").GetInt32()) == 636,
            TimeSpan.FromSeconds(60), "two houses and one business per community");
        var rows = grids.RootElement.GetProperty("value").EnumerateArray().ToArray();
        var houses = rows.Sum(g => g.GetProperty("HouseCount").GetInt32());
        var people = rows.Sum(g => g.GetProperty("PeopleCount").GetInt32());
        Assert.Equal(1272, houses); // two houses per community at this scale
        Assert.InRange(people, houses * 2, houses * 3); // about 2.4 a house
        Assert.Equal(636, rows.Sum(g => g.GetProperty("BusinessCount").GetInt32()));
        Assert.DoesNotContain(_host.Logs.Lines, line => line.Contains("seed failed", StringComparison.Ordinal));
    }
}

using System.Net.Http.Json;
using System.Text.Json;

namespace GovernanceCloud.Bench.Load;

/// <summary>The demo district's estates with their towns, read from a running host's feeds, for the generator.</summary>
internal static class DemoPlaces
{
    public static async Task<IReadOnlyList<Place>> ReadAsync(HostProcess host)
    {
        using var http = await host.ClientAsync("xiangcheng-integrator", "feeds.read");
        var towns = (await http.GetFromJsonAsync<JsonElement>("/odata/Towns?$select=Id,Name")).GetProperty("value").EnumerateArray()
            .ToDictionary(t => t.GetProperty("Id").GetString()!, t => t.GetProperty("Name").GetString()!, StringComparer.Ordinal);
        var places = new List<Place>();
        for (var skip = 0; ; skip += 1000)
        {
            var page = (await http.GetFromJsonAsync<JsonElement>($"/odata/Communities?$select=Name,TownId&$orderby=Id&$top=1000&$skip={skip}")).GetProperty("value");
            places.AddRange(page.EnumerateArray().Select(c => new Place(c.GetProperty("Name").GetString()!, towns.GetValueOrDefault(c.GetProperty("TownId").GetString()!))));
            if (page.GetArrayLength() < 1000)
            {
                return places;
            }
        }
    }
}

using System.Net;
using System.Text.Json;
using Xunit;
using static GovernanceCloud.Host.Tests.Feeds.FeedRows;

namespace GovernanceCloud.Host.Tests.Feeds;

/// <summary>
/// What runs as SQL and must agree on both databases: <c>$apply</c> aggregation, and incremental
/// sync (rows added, changed and moved away between two syncs come back, and nothing else).
/// </summary>
public abstract class FeedSyncTests(HostFactory host)
{
    private FeedRows Rows => new(Host.Services);

    protected HostFactory Host => host;

    [Fact]
    public async Task Apply_GroupsAndAggregatesInTheDatabase()
    {
        var category = NewCategory();
        await Rows.WriteAsync(Case($"a-{category}", Yuanhe, category));
        await Rows.WriteAsync(Case($"b-{category}", Yuanhe, category));
        await Rows.WriteAsync(Case($"c-{category}", Yuanhe, category, status: "Closed"));
        await Rows.WriteAsync(Case($"d-{category}", Taiping, category, overdue: true));
        using var district = await host.ClientAsAsync("xiangcheng-integrator");

        var groups = await GetJsonAsync(district, $"/odata/Cases?$apply=filter(CategoryCode eq '{category}')/groupby((TownId,Status),aggregate($count as Count))");
        Assert.Equal(
            [$"{Taiping}|Received|1", $"{Yuanhe}|Closed|1", $"{Yuanhe}|Received|2"],
            groups.GetProperty("value").EnumerateArray().Select(g => $"{g.GetProperty("TownId").GetString()}|{g.GetProperty("Status").GetString()}|{g.GetProperty("Count").GetInt32()}").Order(StringComparer.Ordinal));

        var overdue = await GetJsonAsync(district, $"/odata/Cases?$apply=filter(CategoryCode eq '{category}' and IsOverdue)/groupby((TownId),aggregate($count as Count))");
        Assert.Equal(Taiping, Assert.Single(overdue.GetProperty("value").EnumerateArray()).GetProperty("TownId").GetString());

        await Rows.WriteAsync(Warning($"w1-{category}", Yuanhe, null, complaints: 3));
        await Rows.WriteAsync(Warning($"w2-{category}", Yuanhe, null, level: "Red", complaints: 4));
        var sums = await GetJsonAsync(district, $"/odata/Warnings?$apply=filter(startswith(SubjectKey,'m-w') and endswith(SubjectKey,'{category}'))/groupby((Level),aggregate(ComplaintCount with sum as Total))");
        Assert.Equal(["Orange=3", "Red=4"], sums.GetProperty("value").EnumerateArray().Select(g => $"{g.GetProperty("Level").GetString()}={g.GetProperty("Total").GetInt32()}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Delta_ReturnsExactlyTheRowsAddedChangedAndMovedAwaySinceTheLastSync()
    {
        var category = NewCategory();
        await Rows.WriteAsync(Case($"a-{category}", Yuanhe, category));
        await Rows.WriteAsync(Case($"b-{category}", Yuanhe, category));
        await Rows.WriteAsync(Case($"c-{category}", Taiping, category));
        await Rows.WriteAsync(Matter($"m-{category}", Yuanhe));
        using var town = await host.ClientAsAsync("yuanhe-integrator");

        var (cases, casesLink) = await SyncAsync(town, "/odata/Cases", track: true);
        Assert.Contains($"a-{category}", cases.Keys);
        Assert.Contains($"b-{category}", cases.Keys);
        Assert.DoesNotContain($"c-{category}", cases.Keys);
        Assert.All(cases.Values, c => Assert.Equal(Yuanhe, c.GetProperty("TownId").GetString()));
        var (matters, mattersLink) = await SyncAsync(town, "/odata/Matters", track: true);
        Assert.Contains($"m-{category}", matters.Keys);

        await Rows.WriteAsync(Case($"a-{category}", Yuanhe, category, status: "InProgress", version: 2)); // changed
        await Rows.WriteAsync(Case($"d-{category}", Yuanhe, category)); // added
        await Rows.WriteAsync(Case($"e-{category}", Taiping, category)); // another town's
        await Rows.WriteAsync(Case($"b-{category}", Yuanhe, category, version: 1)); // a redelivery: no change
        await Rows.WriteAsync(Matter($"m-{category}", Taiping, version: 2)); // moved to another town

        var (changed, nextCases) = await SyncAsync(town, casesLink);
        Assert.Equal([$"a-{category}", $"d-{category}"], changed.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("InProgress", changed[$"a-{category}"].GetProperty("Status").GetString());
        Assert.False(changed[$"a-{category}"].TryGetProperty("ChangeSeq", out _));

        var (moved, nextMatters) = await SyncAsync(town, mattersLink);
        var removed = Assert.Single(moved.Values);
        Assert.Equal("changed", removed.GetProperty("@removed").GetProperty("reason").GetString());
        Assert.EndsWith($"/odata/Matters('m-{category}')", removed.GetProperty("@id").GetString(), StringComparison.Ordinal);

        Assert.Empty((await SyncAsync(town, nextCases)).Rows);
        Assert.Empty((await SyncAsync(town, nextMatters)).Rows);

        // The district still sees the matter, now in its new town, as a change.
        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var (all, allLink) = await SyncAsync(district, "/odata/Matters", track: true);
        Assert.Equal(Taiping, all[$"m-{category}"].GetProperty("TownId").GetString());
        await Rows.WriteAsync(Matter($"m-{category}", Yuanhe, version: 3));
        var (back, _) = await SyncAsync(district, allLink);
        Assert.Equal(Yuanhe, Assert.Single(back.Values).GetProperty("TownId").GetString());
    }

    [Fact]
    public async Task Delta_PagesALongListOfChanges_AndLosesNoneMadeWhilePaging()
    {
        var category = NewCategory();
        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var (_, link) = await SyncAsync(district, "/odata/Cases", track: true);
        await Task.WhenAll(Enumerable.Range(0, 1005).Select(i => Rows.WriteAsync(Case($"p{i:D4}-{category}", Yuanhe, category))));

        var first = await GetJsonAsync(district, link);
        Assert.Equal(1000, first.GetProperty("value").GetArrayLength());
        await Rows.WriteAsync(Case($"p0000-{category}", Yuanhe, category, status: "Closed", version: 2)); // changed after it was sent
        var second = await GetJsonAsync(district, first.GetProperty("@odata.nextLink").GetString()!);
        var ids = first.GetProperty("value").EnumerateArray().Concat(second.GetProperty("value").EnumerateArray()).Select(r => r.GetProperty("Id").GetString()!).ToHashSet();
        Assert.Equal(Enumerable.Range(0, 1005).Select(i => $"p{i:D4}-{category}").ToHashSet(), ids);

        var (after, _) = await SyncAsync(district, second.GetProperty("@odata.deltaLink").GetString()!);
        Assert.Equal("Closed", after[$"p0000-{category}"].GetProperty("Status").GetString());
    }

    [Fact]
    public async Task Delta_LinksAreBoundToTheirTenantAndSet()
    {
        using var town = await host.ClientAsAsync("yuanhe-integrator");
        using var district = await host.ClientAsAsync("xiangcheng-integrator");
        var (_, link) = await SyncAsync(district, "/odata/Cases", track: true);
        var token = link[(link.IndexOf("$deltatoken=", StringComparison.Ordinal) + 12)..];

        var stolen = await town.GetAsync($"/odata/Cases?$deltatoken={token}");
        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
        Assert.Contains("$deltatoken", await stolen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await district.GetAsync($"/odata/Warnings?$deltatoken={token}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await district.GetAsync("/odata/Cases?$deltatoken=not-a-token")).StatusCode);
        var filtered = await district.GetAsync($"/odata/Cases?$deltatoken={token}&$filter=TownId eq 'x'");
        Assert.Equal(HttpStatusCode.BadRequest, filtered.StatusCode);
        Assert.Contains("$filter", await filtered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    internal static Task<(Dictionary<string, JsonElement> Rows, string DeltaLink)> SyncForTestsAsync(HttpClient client, string url, bool track = false) =>
        SyncAsync(client, url, track);

    /// <summary>Follows next links to the end; the rows by id (removed rows by the id in their @id) and the delta link.</summary>
    protected static async Task<(Dictionary<string, JsonElement> Rows, string DeltaLink)> SyncAsync(HttpClient client, string url, bool track = false)
    {
        var rows = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (track)
            {
                request.Headers.Add("Prefer", "odata.track-changes");
            }

            var page = await GetJsonAsync(client, request);
            foreach (var row in page.GetProperty("value").EnumerateArray())
            {
                rows[row.GetProperty("Id").GetString()!] = row;
            }

            if (page.TryGetProperty("@odata.deltaLink", out var delta))
            {
                return (rows, delta.GetString()!);
            }

            url = page.GetProperty("@odata.nextLink").GetString()!;
        }
    }

    protected static Task<JsonElement> GetJsonAsync(HttpClient client, string url) => GetJsonAsync(client, new HttpRequestMessage(HttpMethod.Get, url));

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{request.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

public sealed class EmbeddedFeedSyncTests(HostFactory host) : FeedSyncTests(host), IClassFixture<HostFactory>;

public sealed class PostgresFeedSyncTests(PostgresHostFactory host) : FeedSyncTests(host), IClassFixture<PostgresHostFactory>
{
    /// <summary>
    /// PostgreSQL commits in any order: a write still open while a client syncs must come in the
    /// next delta once it commits, and a transaction left open elsewhere on the server must not
    /// make rows the client has seen come again.
    /// </summary>
    [Fact]
    public async Task Delta_CatchesAWriteThatCommitsAfterTheSync_AndIsNotHeldBackByOtherTransactions()
    {
        var category = NewCategory();
        var rows = new FeedRows(Host.Services);
        await using var elsewhere = new Npgsql.NpgsqlConnection((await GovernanceCloud.Testing.PostgresServer.SharedAsync()).AdminConnectionString);
        await elsewhere.OpenAsync();
        await using var idle = await elsewhere.BeginTransactionAsync();
        await using (var take = new Npgsql.NpgsqlCommand("SELECT pg_current_xact_id()", elsewhere, idle))
        {
            await take.ExecuteScalarAsync(); // holds an xid open for the whole test
        }

        await rows.WriteAsync(Case($"seen-{category}", Yuanhe, category));
        await using var late = new Npgsql.NpgsqlConnection(Host.Settings["ConnectionStrings:Governance"]);
        await late.OpenAsync();
        await using var open = await late.BeginTransactionAsync();
        await using (var insert = new Npgsql.NpgsqlCommand(
            "INSERT INTO \"Cases\" (\"Id\", \"DistrictId\", \"TownId\", \"Status\", \"CategoryCode\", \"OpenedAt\", \"IsOverdue\", \"Version\", \"ChangeSeq\") " +
            "VALUES (@id, 'xiangcheng', @town, 'Received', @category, now(), false, 1, pg_current_xact_id()::text::bigint)", late, open))
        {
            insert.Parameters.AddWithValue("id", $"late-{category}");
            insert.Parameters.AddWithValue("town", Yuanhe);
            insert.Parameters.AddWithValue("category", category);
            await insert.ExecuteNonQueryAsync();
        }

        using var town = await Host.ClientAsAsync("yuanhe-integrator");
        var (first, link) = await SyncAsync(town, "/odata/Cases", track: true);
        Assert.Contains($"seen-{category}", first.Keys);
        Assert.DoesNotContain($"late-{category}", first.Keys);
        await open.CommitAsync();

        var (next, _) = await SyncAsync(town, link);
        Assert.Equal([$"late-{category}"], next.Keys.Where(k => k.EndsWith(category, StringComparison.Ordinal)));
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace GovernanceCloud.Bench;

/// <summary>
/// <c>replay-warnings [--csv messages_with_replies.csv] [--top 15]</c>: replays the real TipDM
/// citizen messages through the intake API of a real host, on one host with correlation off (the
/// baseline) and on another with it on, and prints what correlation costs per complaint (host CPU
/// and wall time, measured on a warmed-up host), the warnings by scenario and level, how the
/// messages grouped into matters, and the largest matters with their labels and a few of their
/// titles for checking by hand.
/// </summary>
internal static class ReplayWarningsScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var csv = Path.GetFullPath(Option(args, "--csv") ?? "../shared/data/tipdm2020/messages_with_replies.csv");
        var top = int.Parse(Option(args, "--top") ?? "15", CultureInfo.InvariantCulture);
        if (!File.Exists(csv))
        {
            Console.Error.WriteLine($"error: {csv} does not exist (the TipDM messages live in ../shared/data/tipdm2020/).");
            return 2;
        }

        var off = await ReplayAsync(csv, correlate: false, report: null);
        var on = await ReplayAsync(csv, correlate: true, report: http => ReportAsync(http, top));
        Console.WriteLine();
        Console.WriteLine($"replay of {off.Complaints:N0} messages through /api/v1/complaints/batch after a warm-up pass of the same, embedded mode, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"",-26}{"wall s",9}{"msg/s",9}{"host CPU ms/msg",17}");
        Row("correlation off (baseline)", off);
        Row("correlation on", on);
        Console.WriteLine($"correlation adds {(on.Cpu - off.Cpu).TotalMilliseconds / on.Complaints:F2} ms host CPU per complaint: ratio on/off CPU {on.Cpu / off.Cpu:F2}x, wall {on.Wall / off.Wall:F2}x");
        return 0;
    }

    // The first pass (channel hanshan) warms the host up: jieba's dictionaries, the JIT, the pool.
    // It is what the report describes. The second pass sends the same messages again on another
    // channel, as new complaints, and is what the cost figures measure: a host in its steady state.
    private static async Task<Replay> ReplayAsync(string csv, bool correlate, Func<HttpClient, Task>? report)
    {
        await using var host = await HostProcess.StartAsync($"--Intake:Correlate={correlate}");
        await BenchProcess.RunAsync("GovernanceCloud.Cli.dll", "replay", "tipdm", csv, "--url", host.BaseAddress, "--channel", "hanshan");
        if (report is not null)
        {
            using var http = await host.ClientAsync("xiangcheng-integrator", "feeds.read");
            await report(http);
        }

        var cpu = host.CpuTime;
        var (wall, _, output) = await BenchProcess.RunAsync("GovernanceCloud.Cli.dll", "replay", "tipdm", csv, "--url", host.BaseAddress, "--channel", "12345");
        var used = host.CpuTime - cpu;
        var complaints = int.Parse(output.Split('\n').Last(l => l.Contains(" messages: ", StringComparison.Ordinal)).Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        return new Replay(complaints, wall, used);
    }

    private static async Task ReportAsync(HttpClient http, int top)
    {
        var warnings = await AllAsync(http, "/odata/Warnings?$select=Scenario,Level");
        Console.WriteLine($"warnings: {warnings.Count:N0}");
        Console.WriteLine($"{"scenario",-20}{"blue",7}{"orange",8}{"red",6}");
        foreach (var scenario in warnings.GroupBy(w => w.GetProperty("Scenario").GetString()!).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int Count(string level) => scenario.Count(w => w.GetProperty("Level").GetString() == level);
            Console.WriteLine($"{scenario.Key,-20}{Count("Blue"),7}{Count("Orange"),8}{Count("Red"),6}");
        }

        var matters = await CountAsync(http, "/odata/Matters/$count");
        Console.WriteLine();
        Console.WriteLine($"matters: {matters:N0}; with ≥2 messages {await CountAsync(http, "/odata/Matters/$count?$filter=ComplaintCount ge 2"):N0}, " +
            $"≥3 {await CountAsync(http, "/odata/Matters/$count?$filter=ComplaintCount ge 3"):N0}, ≥5 {await CountAsync(http, "/odata/Matters/$count?$filter=ComplaintCount ge 5"):N0}");
        var largest = (await http.GetFromJsonAsync<JsonElement>($"/odata/Matters?$orderby=ComplaintCount desc,Id&$top={top}")).GetProperty("value");
        Console.WriteLine($"the {top} largest matters (label · messages · petitioners · some titles):");
        foreach (var matter in largest.EnumerateArray())
        {
            var id = matter.GetProperty("Id").GetString();
            var titles = (await http.GetFromJsonAsync<JsonElement>($"/odata/Complaints?$filter=MatterId eq '{id}'&$select=Title&$top=4")).GetProperty("value")
                .EnumerateArray().Select(c => Cut(c.GetProperty("Title").GetString() ?? "", 22));
            Console.WriteLine($"  {matter.GetProperty("Label").GetString(),-24} {matter.GetProperty("ComplaintCount").GetInt32(),3} {matter.GetProperty("PetitionerCount").GetInt32(),3}  {string.Join(" | ", titles)}");
        }
    }

    private static async Task<List<JsonElement>> AllAsync(HttpClient http, string query)
    {
        var rows = new List<JsonElement>();
        for (var skip = 0; ; skip += 500)
        {
            var page = (await http.GetFromJsonAsync<JsonElement>($"{query}&$top=500&$skip={skip}")).GetProperty("value");
            rows.AddRange(page.EnumerateArray().Select(e => e.Clone()));
            if (page.GetArrayLength() < 500)
            {
                return rows;
            }
        }
    }

    private static async Task<int> CountAsync(HttpClient http, string query) => int.Parse(await http.GetStringAsync(query), CultureInfo.InvariantCulture);

    private static void Row(string name, Replay replay) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-26}{replay.Wall.TotalSeconds,9:F1}{replay.Complaints / replay.Wall.TotalSeconds,9:F0}{replay.Cpu.TotalMilliseconds / replay.Complaints,17:F2}"));

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private static string? Option(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private sealed record Replay(int Complaints, TimeSpan Wall, TimeSpan Cpu);
}

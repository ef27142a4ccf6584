using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using GovernanceCloud.Kernel.Text;
using Spectre.Console;

namespace GovernanceCloud.Cli;

/// <summary>
/// <c>replay tipdm &lt;csv&gt;</c>: sends the real citizen messages of the 2020 TipDM competition
/// (read where they lie, never copied) through a running host's intake API, with their original
/// times, as a channel's gateway would: the message id as external id, the message user as the
/// petitioner's channel account.
/// </summary>
internal static class ReplayCommands
{
    private const int BatchSize = 200;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("csv") { Description = "messages_with_replies.csv (留言编号, 留言用户, 留言主题, 留言详情, 留言时间_iso, …)" };
        var url = new Option<string>("--url") { Description = "the host", DefaultValueFactory = _ => "http://localhost:5080" };
        var client = new Option<string>("--client") { Description = "a client with intake.write", DefaultValueFactory = _ => "xiangcheng-gateway" };
        var secret = new Option<string?>("--secret") { Description = "its secret; default: GOVERNANCE_CLIENT_SECRET, else <client>-secret (demo)" };
        var channel = new Option<string>("--channel") { Description = "the channel code the messages arrive on", DefaultValueFactory = _ => "hanshan" };
        var tipdm = new Command("tipdm", "回放泰迪杯群众留言数据") { file, url, client, secret, channel };
        tipdm.SetAction((parse, ct) => CliOptions.RunAsync(async () =>
        {
            var source = parse.GetValue(file)!;
            if (!source.Exists)
            {
                await Console.Error.WriteLineAsync($"error: {source.FullName} does not exist.");
                return 2;
            }

            using var http = new HttpClient { BaseAddress = new Uri(parse.GetValue(url)!), Timeout = TimeSpan.FromMinutes(2) };
            var clientId = parse.GetValue(client)!;
            var token = await HostTokens.RequestAsync(http, clientId, HostTokens.Secret(clientId, parse.GetValue(secret)), "intake.write", ct);
            if (token is null)
            {
                await Console.Error.WriteLineAsync($"error: {clientId} could not get a token with intake.write.");
                return 1;
            }

            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var messages = Messages(source, parse.GetValue(channel)!).ToList();
            var counts = new Dictionary<int, int>();
            var failures = new List<string>();
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("回放", maxValue: messages.Count);
                foreach (var batch in messages.Chunk(BatchSize))
                {
                    var response = await http.PostAsJsonAsync("/api/v1/complaints/batch", new { items = batch }, ct);
                    response.EnsureSuccessStatusCode();
                    using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                    foreach (var item in body.RootElement.GetProperty("items").EnumerateArray())
                    {
                        var status = item.GetProperty("status").GetInt32();
                        counts[status] = counts.GetValueOrDefault(status) + 1;
                        if (status >= 400 && failures.Count < 20)
                        {
                            failures.Add($"{batch[item.GetProperty("index").GetInt32()].ExternalId}: {status} {item.GetProperty("errors")}");
                        }
                    }

                    task.Increment(batch.Length);
                }
            });
            Console.WriteLine($"{messages.Count:N0} messages: " + string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Value:N0} × {c.Key}")));
            failures.ForEach(Console.WriteLine);
            return counts.Keys.Any(k => k >= 400) ? 1 : 0;
        }));
        return new Command("replay", "回放真实数据") { tipdm };
    }

    private static IEnumerable<Message> Messages(FileInfo source, string channel)
    {
        using var stream = source.OpenRead();
        string[]? header = null;
        foreach (var (_, cells) in CsvReader.Read(stream))
        {
            if (header is null)
            {
                header = cells.Select(c => c.Trim().TrimStart('\uFEFF')).ToArray();
                continue;
            }

            string Cell(string name) => Array.IndexOf(header, name) is var at and >= 0 && at < cells.Length ? cells[at].Trim() : "";
            var time = DateTime.ParseExact(Cell("留言时间_iso"), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            yield return new Message(
                channel,
                $"tipdm-{Cell("留言编号")}",
                // The board's times are Beijing time; the API takes nothing without an offset.
                new DateTimeOffset(time, TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
                Cell("留言主题"),
                Cell("留言详情"),
                new Petitioner(Cell("留言用户")));
        }
    }

    private sealed record Message(string Channel, string ExternalId, string ReceivedAt, string Title, string Content, Petitioner Petitioner);

    private sealed record Petitioner(string AccountId);
}

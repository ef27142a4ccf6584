using System.CommandLine;

namespace GovernanceCloud.Cli;

/// <summary>
/// <c>export &lt;cases|warnings|prompt-sheets&gt; --out FILE</c>: a list from a running host as CSV
/// or Excel (by the file's extension), through <c>/api/v1/exports</c>, scoped to the client's token.
/// </summary>
internal static class ExportCommands
{
    public static Command Create()
    {
        var list = new Argument<string>("list") { Description = "cases | warnings | prompt-sheets" };
        var output = new Option<FileInfo>("--out") { Description = "the file to write: .csv or .xlsx", Required = true };
        var url = new Option<string>("--url") { Description = "the host", DefaultValueFactory = _ => "http://localhost:5080" };
        var client = new Option<string>("--client") { Description = "a client with feeds.read", DefaultValueFactory = _ => "xiangcheng-integrator" };
        var secret = new Option<string?>("--secret") { Description = "its secret; default: GOVERNANCE_CLIENT_SECRET, else <client>-secret (demo)" };
        var from = new Option<string?>("--from") { Description = "from (ISO 8601 with offset)" };
        var to = new Option<string?>("--to") { Description = "to, exclusive" };
        var status = new Option<string?>("--status") { Description = "only this state" };
        var command = new Command("export", "导出案件、预警或工作提示单列表（CSV 或 Excel）") { list, output, url, client, secret, from, to, status };
        command.SetAction((parse, ct) => CliOptions.RunAsync(async () =>
        {
            var file = parse.GetValue(output)!;
            var format = file.Extension.TrimStart('.').ToLowerInvariant();
            using var http = new HttpClient { BaseAddress = new Uri(parse.GetValue(url)!), Timeout = TimeSpan.FromMinutes(10) };
            var clientId = parse.GetValue(client)!;
            if (await HostTokens.RequestAsync(http, clientId, HostTokens.Secret(clientId, parse.GetValue(secret)), "feeds.read", ct) is not { } token)
            {
                await Console.Error.WriteLineAsync($"error: {clientId} could not get a token with feeds.read.");
                return 1;
            }

            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var query = string.Join('&', new[] { ("from", parse.GetValue(from)), ("to", parse.GetValue(to)), ("status", parse.GetValue(status)) }
                .Where(p => p.Item2 is { Length: > 0 }).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
            using var response = await http.GetAsync($"/api/v1/exports/{Uri.EscapeDataString(parse.GetValue(list)!)}.{format}?{query}", HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                await Console.Error.WriteLineAsync($"error: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                return 1;
            }

            await using (var target = file.Create())
            {
                await response.Content.CopyToAsync(target, ct);
            }

            Console.WriteLine($"{file.FullName}: {new FileInfo(file.FullName).Length:N0} bytes");
            return 0;
        }));
        return command;
    }
}

using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace GovernanceCloud.Bench.Tests;

/// <summary>
/// Every benchmark scenario, run at a tiny size as the README runs it (its own process), so the
/// harness cannot rot: each must finish, exit 0 and print its table with a ratio to its baseline.
/// The figures' values are never checked here; they live in docs/benchmarks.md.
/// </summary>
public sealed class BenchSmokeTests
{
    public static TheoryData<string, string> Scenarios() => new()
    {
        { "intake-batch --count 60 --warm-up 20 --batch 20", "ratio GovernanceCloud / baseline throughput" },
        { "intake-batch --count 40 --warm-up 10 --batch 20 --storage postgres", "ratio GovernanceCloud / baseline throughput" },
        { "intake-single --rate 20 --seconds 2 --warm-up-seconds 1", "ratio GovernanceCloud / baseline p99" },
        { "warning-latency --trials 2 --rate 5", "ratio GovernanceCloud warning p99 / baseline request p99" },
        { "replay-1m --count 200 --batch 20 --idle-seconds 1", "ratio GovernanceCloud / baseline throughput" },
        { "startup --runs 1", "ratio" },
        { "address-resolve --count 2000", "ratio" },
        { "basedata-import --scale 0.001", "ratio import / baseline" },
        { "feeds --rows 2000 --runs 2 --mode embedded", "district $apply groupby" },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Scenario_runs_at_a_tiny_size_and_prints_its_figures(string arguments, string ratioLine)
    {
        var (exit, output) = await RunAsync(arguments.Split(' '));

        Assert.True(exit == 0, $"exit {exit}:\n{output}");
        Assert.Matches(RatioWithNumber(ratioLine), output);
    }

    [Fact]
    public async Task Similarity_prints_precision_recall_and_auc_against_its_baseline()
    {
        var pairs = Path.Combine(Path.GetTempPath(), $"bq-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(pairs, "sentence1,sentence2,label\n怎么借款,如何借钱,1\n额度怎么降低,额度怎么提高,0\n还款日能改吗,可以修改还款日期吗,1\n为什么借不了,我想注销账户,0\n", Encoding.UTF8);
        try
        {
            var (exit, output) = await RunAsync(["similarity", "--pairs", pairs]);

            Assert.True(exit == 0, $"exit {exit}:\n{output}");
            Assert.Contains("char-Jaccard", output, StringComparison.Ordinal);
            Assert.Matches(new Regex(@"AUC[^\n]*\d\.\d+", RegexOptions.None), output);
        }
        finally
        {
            File.Delete(pairs);
        }
    }

    [Fact]
    public async Task Replay_warnings_prints_the_cost_of_correlation_on_a_small_file()
    {
        var (exit, output) = await RunOnTipDmFileAsync("replay-warnings", "--top", "3");

        Assert.True(exit == 0, $"exit {exit}:\n{output}");
        Assert.Matches(RatioWithNumber("correlation adds"), output);
    }

    [Fact]
    public async Task Replay_traces_the_hosts_collections_and_lists_what_survived_them()
    {
        var (exit, output) = await RunAsync(["replay-1m", "--count", "600", "--batch", "20", "--idle-seconds", "1", "--gc-survivors", "2"]);

        Assert.True(exit == 0, $"exit {exit}:\n{output}");
        Assert.Matches(RatioWithNumber("collections over 2 s:"), output);
        Assert.Matches(new Regex(@"sampled \d+ MiB allocated, \d+ MiB survived its first collection \(\d", RegexOptions.None), output);
    }

    [Fact]
    public async Task IntakeBatch_prints_where_a_micro_batchs_time_went_and_how_busy_the_embedded_writer_was()
    {
        var (exit, output) = await RunAsync(["intake-batch", "--count", "60", "--warm-up", "20", "--batch", "20"]);

        Assert.True(exit == 0, $"exit {exit}:\n{output}");
        Assert.Matches(new Regex(@"a micro-batch's time, ms: keys \d+\.\d, lookup \d+\.\d, score [^\n]*attach \d+\.\d[^\n]*; the correlator busy \d+", RegexOptions.None), output);
        Assert.Matches(new Regex(@"the embedded writer: [\d,]+ transactions of \d+\.\d writes, busy \d+", RegexOptions.None), output);
    }

    [Fact]
    public async Task Segmentation_gives_jiebas_words_and_prints_its_cost_against_jieba()
    {
        var (exit, output) = await RunOnTipDmFileAsync("segmentation", "--rounds", "1");

        Assert.True(exit == 0, $"exit {exit}:\n{output}"); // 1 when any message's words differ from jieba.NET's
        Assert.Contains("differ from jieba.NET's: 0", output, StringComparison.Ordinal);
        Assert.Matches(RatioWithNumber("ratio to baseline"), output);
    }

    // Runs a scenario on twelve messages in the TipDM file's layout.
    private static async Task<(int Exit, string Output)> RunOnTipDmFileAsync(params string[] arguments)
    {
        var csv = Path.Combine(Path.GetTempPath(), $"tipdm-{Guid.NewGuid():N}.csv");
        var rows = new StringBuilder("留言编号,留言用户,留言主题,留言时间,留言详情,答复意见,答复时间,留言时间_iso,答复时间_iso\n");
        for (var i = 0; i < 12; i++)
        {
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"{1000 + i},U{i % 4},西湖君庭业委会成立难{i},2019/4/{1 + i} 9:32:09,\"西湖君庭小区业主申请成立业委会，社区一直不给指导。第{i}次反映。\",已转办,2019/5/1 10:00:00,2019-04-{1 + i:00} 09:32:09,2019-05-01 10:00:00\n");
        }

        await File.WriteAllTextAsync(csv, rows.ToString(), Encoding.UTF8);
        try
        {
            return await RunAsync([.. arguments, "--csv", csv]);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    private static Regex RatioWithNumber(string line) => new($"{Regex.Escape(line)}[^\\n]*\\d", RegexOptions.None);

    private static async Task<(int Exit, string Output)> RunAsync(string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = BenchFolder() };
        info.ArgumentList.Add(Path.Combine(BenchFolder(), "GovernanceCloud.Bench.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await error);
    }

    // The bench's own output folder, built alongside in the same configuration as this test.
    private static string BenchFolder()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name; // …/bin/<Configuration>/net10.0/
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "GovernanceCloud.sln")))
        {
            root = root.Parent;
        }

        return Path.Combine(root!.FullName, "tools", "GovernanceCloud.Bench", "bin", configuration, here.Name);
    }
}

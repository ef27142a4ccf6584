using GovernanceCloud.Bench;
using GovernanceCloud.Bench.Load;
using GovernanceCloud.Bench.Micro;

return args switch
{
    ["startup", .. var rest] => await StartupScenario.RunAsync(rest),
    ["baseline-server", .. var rest] => await BaselineServer.RunAsync(rest),
    ["basedata-import", .. var rest] => await BaseDataImportScenario.RunAsync(rest),
    ["address-resolve", .. var rest] => AddressResolveScenario.Run(rest),
    ["similarity", .. var rest] => SimilarityScenario.Run(rest),
    ["segmentation", .. var rest] => SegmentationScenario.Run(rest),
    ["replay-warnings", .. var rest] => await ReplayWarningsScenario.RunAsync(rest),
    ["feeds", .. var rest] => await FeedsScenario.RunAsync(rest),
    ["intake-batch", .. var rest] => await IntakeBatchScenario.RunAsync(rest),
    ["intake-single", .. var rest] => await IntakeSingleScenario.RunAsync(rest),
    ["warning-latency", .. var rest] => await WarningLatencyScenario.RunAsync(rest),
    ["replay-1m", .. var rest] => await ReplayMillionScenario.RunAsync(rest),
    ["baseline-intake", .. var rest] => await IntakeBaselineServer.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: GovernanceCloud.Bench startup [--runs N] | basedata-import [--scale 1.0] | address-resolve [--count N] | similarity [--pairs dev.csv] | segmentation [--csv messages.csv] [--rounds 3] | replay-warnings [--csv messages.csv] [--top 15] | feeds [--rows 1000000] [--runs 100] [--mode embedded|postgres|both] | intake-batch [--count N] | intake-single [--rate 300] [--seconds 30] | warning-latency [--trials 30] | replay-1m [--count 1000000]; the intake scenarios take --storage embedded|postgres [--connection …] and host settings as --Section:Key=value");
    return 2;
}

using GovernanceCloud.Bench;

return args switch
{
    ["startup", .. var rest] => await StartupScenario.RunAsync(rest),
    ["baseline-server", .. var rest] => await BaselineServer.RunAsync(rest),
    ["basedata-import", .. var rest] => await BaseDataImportScenario.RunAsync(rest),
    ["address-resolve", .. var rest] => AddressResolveScenario.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: GovernanceCloud.Bench startup [--runs N] | basedata-import [--scale 1.0] | address-resolve [--count N]");
    return 2;
}

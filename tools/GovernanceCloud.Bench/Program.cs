using GovernanceCloud.Bench;

return args switch
{
    ["startup", .. var rest] => await StartupScenario.RunAsync(rest),
    ["baseline-server", .. var rest] => await BaselineServer.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: GovernanceCloud.Bench startup [--runs N]");
    return 2;
}

using Microsoft.Extensions.Configuration;

namespace GovernanceCloud.Intake.Grains;

/// <summary>
/// <c>Intake:Correlate</c> (default true): whether accepting a complaint correlates it. Off only to
/// measure what correlation costs (the benchmarks' same-run comparison); a district needs it on.
/// </summary>
internal sealed class IntakeSwitches(IConfiguration configuration)
{
    public bool Correlate { get; } = configuration.GetValue("Intake:Correlate", true);
}

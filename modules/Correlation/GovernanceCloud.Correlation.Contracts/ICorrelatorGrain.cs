using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Correlation.Contracts;

/// <summary>
/// Correlates one accepted complaint of a district as it arrives: its matter, then every scenario.
/// One stateless worker per node, which correlates the complaints arriving together in micro-batches;
/// correlating the same complaint again (a redo after a crash) changes nothing.
/// </summary>
[Alias("gc.correlator")]
public interface ICorrelatorGrain : ITenantGrain
{
    [Alias("correlate")]
    Task<CorrelationOutcome> Correlate(ComplaintFacts complaint);

    /// <summary>As <see cref="Correlate"/> for each complaint, answered in order: one call for an intake journal's set.</summary>
    [Alias("correlate-all")]
    Task<CorrelationOutcome[]> CorrelateAll(ComplaintFacts[] complaints);

    /// <summary>Raises or feeds the ChannelEscalation warning of a reopened case; answers its id. Telling it the same reopening again changes nothing.</summary>
    [Alias("case-reopened")]
    Task<string> CaseReopened(CaseReopening reopening);
}

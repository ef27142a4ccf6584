using GovernanceCloud.Correlation.Matching;
using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Correlation.Grains;

/// <summary>
/// One partition of a district's matters (事项): the matters whose ids hash to it, held in memory
/// while they are in use. A district has <see cref="MatterPartitionGrain.Count"/> partitions, so a
/// batch of complaints asks each at most once per stage, however many matters it touches.
/// </summary>
[Alias("gc.matter-partition")]
internal interface IMatterPartitionGrain : ITenantGrain
{
    /// <summary>
    /// For each matter asked, how well each of its complaints fits (in their order); null where the
    /// matter has no complaint yet or is idle longer than <paramref name="window"/> around one.
    /// </summary>
    [Alias("score")]
    Task<MatterScore?[][]> Score(IReadOnlyList<MatterScoring> matters, TimeSpan window);

    /// <summary>
    /// Adds each matter's complaints (adding one again changes nothing), writes the matters that
    /// changed before answering, and answers each as it now stands: its members received within
    /// <paramref name="keep"/> of its latest (at most <see cref="HeldMatter.KeptMembers"/>), which
    /// are all the scenarios look at. Each matter's feed row follows.
    /// </summary>
    [Alias("attach")]
    Task<MatterSnapshot[]> Attach(IReadOnlyList<MatterAttachment> matters, TimeSpan keep);
}

/// <summary>The complaints of a batch that may fit one matter.</summary>
[GenerateSerializer, Immutable, Alias("gc.matter-scoring")]
internal sealed record MatterScoring([property: Id(0)] string MatterId, [property: Id(1)] IReadOnlyList<MatterProbe> Probes);

/// <summary>
/// The complaints of a batch joining one matter, in arrival order. <paramref name="Started"/>: the
/// batch started the matter, so nothing is stored under its id and the partition need not read it.
/// </summary>
[GenerateSerializer, Immutable, Alias("gc.matter-attachment")]
internal sealed record MatterAttachment([property: Id(0)] string MatterId, [property: Id(1)] IReadOnlyList<MatterArrival> Arrivals, [property: Id(2)] bool Started = false);

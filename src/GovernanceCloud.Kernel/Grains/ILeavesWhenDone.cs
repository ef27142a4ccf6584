namespace GovernanceCloud.Kernel.Grains;

/// <summary>
/// A grain that leaves memory as soon as its work is done (complaints, their cases, petitioners:
/// millions of them, most touched once), instead of waiting out the idle age. Calls that Orleans
/// rejects unrun while such a grain is going away are asked again (<see cref="RejectedCallRetryFilter"/>).
/// </summary>
public interface ILeavesWhenDone : IAddressable;

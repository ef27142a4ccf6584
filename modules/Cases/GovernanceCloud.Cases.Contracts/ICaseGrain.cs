using GovernanceCloud.Kernel.Grains;
using GovernanceCloud.Kernel.Tenancy;

namespace GovernanceCloud.Cases.Contracts;

/// <summary>One case (案件) of a town: the unit of work complaints open or join, from intake to closure.</summary>
[Alias("gc.case")]
public interface ICaseGrain : ITenantGrain, ILeavesWhenDone
{
    /// <summary>Opens the case for its first complaint; opening it again changes nothing.</summary>
    [Alias("open")]
    Task<CaseView> Open(CaseOpening opening);

    /// <summary>
    /// Adds a complaint to the case (joining it again changes nothing); false when the case is
    /// closed or was never opened, and the complaint must open its own.
    /// </summary>
    [Alias("join")]
    Task<bool> Join(string complaintId, CaseJoinReason reason);

    /// <summary>Moves the case, or says which actions the caller could take instead.</summary>
    [Alias("act")]
    Task<CaseActResult> Act(CaseCommand command);

    /// <summary>The case with its timeline, or null when it was never opened.</summary>
    [Alias("view")]
    Task<CaseView?> View();

    /// <summary>
    /// Flags the case overdue (with a timeline entry) when its due time has passed on the business
    /// clock while it is still being worked on; otherwise changes nothing. The district's deadline sweep asks.
    /// </summary>
    [Alias("check-overdue")]
    Task CheckOverdue();
}

/// <summary>Why a complaint joins a case instead of opening its own.</summary>
public enum CaseJoinReason
{
    /// <summary>The same petitioner's follow-up while their case in the town is open.</summary>
    FollowUp,

    /// <summary>An operator said so when recording it (并案).</summary>
    Operator,
}

/// <summary>Where a case stands.</summary>
public enum CaseStatus
{
    Received,
    Assigned,
    InProgress,
    Resolved,
    Closed,
    Reopened,
    Returned,
}

/// <summary>What a person can do to a case.</summary>
public enum CaseAction
{
    /// <summary>To a department or unit, with a due time from the SLA.</summary>
    Assign,

    /// <summary>The assignee starts work.</summary>
    Start,

    /// <summary>Done, with the result.</summary>
    Resolve,

    /// <summary>After the return visit (回访): satisfied closes, unsatisfied reopens.</summary>
    Close,

    /// <summary>Sent back: wrongly assigned.</summary>
    Return,
}

/// <summary>What opens a case.</summary>
[GenerateSerializer, Immutable, Alias("gc.case-opening")]
public sealed record CaseOpening(
    [property: Id(0)] string ComplaintId, [property: Id(1)] string? CategoryCode, [property: Id(2)] string? GridId, [property: Id(3)] DateTimeOffset ReceivedAt);

/// <summary>One action on a case, by whom (user name and roles), with what.</summary>
[GenerateSerializer, Immutable, Alias("gc.case-command")]
public sealed record CaseCommand
{
    [Id(0)] public required CaseAction Action { get; init; }

    [Id(1)] public required string Actor { get; init; }

    [Id(2)] public required IReadOnlyList<string> ActorRoles { get; init; }

    [Id(3)] public string? Note { get; init; }

    /// <summary>Assign: the department or unit.</summary>
    [Id(4)] public string? AssignTo { get; init; }

    /// <summary>Resolve: what was done.</summary>
    [Id(5)] public string? Result { get; init; }

    /// <summary>Close: the petitioner's verdict at the return visit.</summary>
    [Id(6)] public bool? Satisfied { get; init; }

    /// <summary>Assign: urgent cases get the short deadline.</summary>
    [Id(7)] public bool Urgent { get; init; }

    /// <summary>Resolve: photos, documents and the like, as metadata and links (the files live elsewhere).</summary>
    [Id(8)] public IReadOnlyList<Evidence> Evidence { get; init; } = [];
}

/// <summary>A piece of evidence attached to a resolution.</summary>
[GenerateSerializer, Immutable, Alias("gc.evidence")]
public sealed record Evidence([property: Id(0)] string Name, [property: Id(1)] string Url);

/// <summary>The answer to <see cref="ICaseGrain.Act"/>: the case after the action, or the actions allowed instead.</summary>
[GenerateSerializer, Immutable, Alias("gc.case-act-result")]
public sealed record CaseActResult([property: Id(0)] CaseView? Case, [property: Id(1)] IReadOnlyList<CaseAction> Allowed, [property: Id(2)] string? Problem);

/// <summary>One step of a case's history.</summary>
[GenerateSerializer, Immutable, Alias("gc.case-timeline-entry")]
public sealed record TimelineEntry(
    [property: Id(0)] DateTimeOffset At, [property: Id(1)] string Actor, [property: Id(2)] CaseStatus? From, [property: Id(3)] CaseStatus To, [property: Id(4)] string? Note);

/// <summary>A case as callers see it.</summary>
[GenerateSerializer, Immutable, Alias("gc.case-view")]
public sealed record CaseView
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string TownId { get; init; }

    [Id(2)] public required CaseStatus Status { get; init; }

    [Id(3)] public string? CategoryCode { get; init; }

    [Id(4)] public string? GridId { get; init; }

    [Id(5)] public required IReadOnlyList<string> ComplaintIds { get; init; }

    [Id(6)] public DateTimeOffset OpenedAt { get; init; }

    [Id(7)] public DateTimeOffset? DueAt { get; init; }

    [Id(8)] public string? AssignedTo { get; init; }

    [Id(9)] public DateTimeOffset? ResolvedAt { get; init; }

    [Id(10)] public DateTimeOffset? ClosedAt { get; init; }

    [Id(11)] public bool IsOverdue { get; init; }

    [Id(12)] public bool? Satisfied { get; init; }

    [Id(13)] public string? Result { get; init; }

    [Id(14)] public required IReadOnlyList<TimelineEntry> Timeline { get; init; }

    [Id(15)] public IReadOnlyList<Evidence> Evidence { get; init; } = [];
}

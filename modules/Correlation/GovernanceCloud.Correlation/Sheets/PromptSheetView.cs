using GovernanceCloud.Correlation.Contracts;

namespace GovernanceCloud.Correlation.Sheets;

/// <summary>A prompt sheet as the API shows it, with its warning's evidence and its history.</summary>
[GenerateSerializer, Immutable, Alias("gc.sheet-view")]
internal sealed record PromptSheetView
{
    [Id(0)] public required string Number { get; init; }

    [Id(1)] public required string WarningId { get; init; }

    [Id(2)] public required Scenario Scenario { get; init; }

    [Id(3)] public required WarningLevel Level { get; init; }

    [Id(4)] public required PromptSheetStatus Status { get; init; }

    [Id(5)] public string? TownId { get; init; }

    [Id(6)] public required string Summary { get; init; }

    [Id(7)] public required string Explanation { get; init; }

    [Id(8)] public required string SuggestedAction { get; init; }

    [Id(9)] public required IReadOnlyList<string> ComplaintIds { get; init; }

    [Id(10)] public required DateTimeOffset IssuedAt { get; init; }

    [Id(11)] public required DateTimeOffset DueAt { get; init; }

    [Id(12)] public DateTimeOffset? AcknowledgedAt { get; init; }

    [Id(13)] public DateTimeOffset? ResolvedAt { get; init; }

    [Id(14)] public DateTimeOffset? ClosedAt { get; init; }

    [Id(15)] public string? Result { get; init; }

    [Id(16)] public required int Escalations { get; init; }

    [Id(17)] public required IReadOnlyList<SheetEntry> History { get; init; }

    /// <summary>What the caller may do next; empty for machines and for a sheet that is closed.</summary>
    [Id(18)] public IReadOnlyList<PromptSheetAction> AllowedActions { get; init; } = [];
}

/// <summary>One action on a sheet, with who takes it.</summary>
[GenerateSerializer, Immutable, Alias("gc.sheet-command")]
internal sealed record SheetCommand
{
    [Id(0)] public required PromptSheetAction Action { get; init; }

    [Id(1)] public required string Actor { get; init; }

    [Id(2)] public required IReadOnlyList<string> ActorRoles { get; init; }

    /// <summary>The tenant the actor acts for: decides whether it handles or reviews the sheet.</summary>
    [Id(3)] public required string ActorTenant { get; init; }

    [Id(4)] public string? Result { get; init; }

    [Id(5)] public string? Note { get; init; }
}

/// <summary>What an action did: the sheet after it, or why it was refused.</summary>
[GenerateSerializer, Immutable, Alias("gc.sheet-act-result")]
internal sealed record SheetActResult(
    [property: Id(0)] PromptSheetView? Sheet, [property: Id(1)] IReadOnlyList<PromptSheetAction> Allowed, [property: Id(2)] string? Problem);

/// <summary>Who is looking at a sheet: decides which actions it is offered.</summary>
[GenerateSerializer, Immutable, Alias("gc.sheet-viewer")]
internal sealed record SheetViewer([property: Id(0)] string Tenant, [property: Id(1)] IReadOnlyList<string> Roles);

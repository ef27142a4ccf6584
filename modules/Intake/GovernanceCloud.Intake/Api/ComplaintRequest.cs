using GovernanceCloud.Intake.Contracts;

namespace GovernanceCloud.Intake.Api;

/// <summary>The body of <c>POST /api/v1/complaints/batch</c>.</summary>
internal sealed record ComplaintBatchRequest(IReadOnlyList<ComplaintRequest?>? Items);

/// <summary>The answer for one item of a batch: its HTTP-like status, ids when accepted, errors when not.</summary>
internal sealed record BatchItemResult(int Index, int Status, string? Id, string? CaseId, string? TownId, IDictionary<string, string[]>? Errors);

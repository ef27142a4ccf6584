using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Web.Access;

namespace GovernanceCloud.Correlation.Sheets;

/// <summary>What a person can do to a prompt sheet.</summary>
internal enum PromptSheetAction
{
    Acknowledge,
    Start,
    Resolve,
    Close,
    SendBack,
}

/// <summary>
/// Which action may move a sheet from which status, and which side takes it. The handling side is
/// the town the sheet was issued to (or the district itself for a sheet with no town); the review
/// side is always the district. The deadline runs while the handling side holds the sheet.
/// </summary>
internal static class PromptSheetWorkflow
{
    private static readonly string[] TownHandlers = [GovernanceRoles.TownAdmin, GovernanceRoles.TownOperator];
    private static readonly string[] DistrictStaff = [GovernanceRoles.DistrictAdmin, GovernanceRoles.DistrictAnalyst];

    private static readonly (PromptSheetAction Action, PromptSheetStatus[] From, PromptSheetStatus To, bool Review)[] Rules =
    [
        (PromptSheetAction.Acknowledge, [PromptSheetStatus.Issued], PromptSheetStatus.Acknowledged, false),
        (PromptSheetAction.Start, [PromptSheetStatus.Acknowledged, PromptSheetStatus.SentBack], PromptSheetStatus.InProgress, false),
        (PromptSheetAction.Resolve, [PromptSheetStatus.Acknowledged, PromptSheetStatus.InProgress, PromptSheetStatus.SentBack], PromptSheetStatus.Resolved, false),
        (PromptSheetAction.Close, [PromptSheetStatus.Resolved], PromptSheetStatus.Closed, true),
        (PromptSheetAction.SendBack, [PromptSheetStatus.Resolved], PromptSheetStatus.SentBack, true),
    ];

    /// <summary>True while the handling side holds the sheet, so its deadline runs.</summary>
    public static bool IsRunning(PromptSheetStatus status) =>
        status is PromptSheetStatus.Issued or PromptSheetStatus.Acknowledged or PromptSheetStatus.InProgress or PromptSheetStatus.SentBack;

    /// <summary>
    /// The actions a caller may take: <paramref name="handler"/> when the caller belongs to the
    /// sheet's handling tenant, <paramref name="reviewer"/> when it is the sheet's district.
    /// </summary>
    public static IReadOnlyList<PromptSheetAction> Allowed(PromptSheetStatus status, IReadOnlyCollection<string> roles, bool handler, bool reviewer)
    {
        var handles = handler && (TownHandlers.Any(roles.Contains) || (reviewer && DistrictStaff.Any(roles.Contains)));
        var reviews = reviewer && DistrictStaff.Any(roles.Contains);
        return Rules.Where(r => r.From.Contains(status) && (r.Review ? reviews : handles)).Select(r => r.Action).ToArray();
    }

    public static PromptSheetStatus Target(PromptSheetAction action) => Rules.First(r => r.Action == action).To;
}

using GovernanceCloud.Cases.Contracts;
using GovernanceCloud.Web.Access;

namespace GovernanceCloud.Cases.Workflow;

/// <summary>
/// Which action may move a case from which status, and who may take it. A town's staff assign and
/// close; whoever handles the case (operators, grid workers, mediators, enforcement officers)
/// starts, resolves or returns it; the district admin may assign any case of its towns.
/// </summary>
internal static class CaseWorkflow
{
    private static readonly string[] Dispatchers = [GovernanceRoles.TownAdmin, GovernanceRoles.TownOperator, GovernanceRoles.DistrictAdmin];
    private static readonly string[] Handlers =
        [GovernanceRoles.TownAdmin, GovernanceRoles.TownOperator, GovernanceRoles.GridWorker, GovernanceRoles.Mediator, GovernanceRoles.EnforcementOfficer];
    private static readonly string[] Visitors = [GovernanceRoles.TownAdmin, GovernanceRoles.TownOperator];

    private static readonly (CaseAction Action, CaseStatus[] From, string[] Roles)[] Rules =
    [
        (CaseAction.Assign, [CaseStatus.Received, CaseStatus.Returned, CaseStatus.Reopened], Dispatchers),
        (CaseAction.Start, [CaseStatus.Assigned], Handlers),
        (CaseAction.Resolve, [CaseStatus.InProgress], Handlers),
        (CaseAction.Close, [CaseStatus.Resolved], Visitors),
        (CaseAction.Return, [CaseStatus.Assigned, CaseStatus.InProgress], Handlers),
    ];

    /// <summary>The actions a person with <paramref name="roles"/> may take on a case in <paramref name="status"/>.</summary>
    public static IReadOnlyList<CaseAction> Allowed(CaseStatus status, IReadOnlyCollection<string> roles) =>
        Rules.Where(r => r.From.Contains(status) && r.Roles.Any(roles.Contains)).Select(r => r.Action).ToArray();

    /// <summary>The status <paramref name="action"/> leads to (Close leads to Reopened when the petitioner is not satisfied).</summary>
    public static CaseStatus Target(CaseAction action, bool? satisfied) => action switch
    {
        CaseAction.Assign => CaseStatus.Assigned,
        CaseAction.Start => CaseStatus.InProgress,
        CaseAction.Resolve => CaseStatus.Resolved,
        CaseAction.Close => satisfied == false ? CaseStatus.Reopened : CaseStatus.Closed,
        CaseAction.Return => CaseStatus.Returned,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}

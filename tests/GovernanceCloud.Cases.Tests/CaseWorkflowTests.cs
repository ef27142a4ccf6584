using GovernanceCloud.Cases.Contracts;
using GovernanceCloud.Cases.Workflow;
using Xunit;

namespace GovernanceCloud.Cases.Tests;

/// <summary>Every action from every status, for every role: exactly the table below is allowed.</summary>
public sealed class CaseWorkflowTests
{
    private static readonly string[] Roles =
        ["district-admin", "district-analyst", "town-admin", "town-operator", "mediator", "grid-worker", "enforcement-officer", "integrator", "gateway"];

    // (action, from, role) that are allowed; everything else is not.
    private static readonly HashSet<(CaseAction, CaseStatus, string)> AllowedTable = Build();

    public static TheoryData<CaseAction, CaseStatus, string> Everything()
    {
        var data = new TheoryData<CaseAction, CaseStatus, string>();
        foreach (var action in Enum.GetValues<CaseAction>())
        {
            foreach (var status in Enum.GetValues<CaseStatus>())
            {
                foreach (var role in Roles)
                {
                    data.Add(action, status, role);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Everything))]
    public void Action_IsAllowedExactlyWhenTheTableSays(CaseAction action, CaseStatus status, string role) =>
        Assert.Equal(AllowedTable.Contains((action, status, role)), CaseWorkflow.Allowed(status, [role]).Contains(action));

    [Theory]
    [InlineData(CaseAction.Assign, null, CaseStatus.Assigned)]
    [InlineData(CaseAction.Start, null, CaseStatus.InProgress)]
    [InlineData(CaseAction.Resolve, null, CaseStatus.Resolved)]
    [InlineData(CaseAction.Close, true, CaseStatus.Closed)]
    [InlineData(CaseAction.Close, false, CaseStatus.Reopened)]
    [InlineData(CaseAction.Return, null, CaseStatus.Returned)]
    public void Action_LeadsToItsStatus(CaseAction action, bool? satisfied, CaseStatus expected) =>
        Assert.Equal(expected, CaseWorkflow.Target(action, satisfied));

    [Fact]
    public void ClosedCase_AllowsNothing() =>
        Assert.Empty(CaseWorkflow.Allowed(CaseStatus.Closed, Roles));

    private static HashSet<(CaseAction, CaseStatus, string)> Build()
    {
        string[] dispatchers = ["town-admin", "town-operator", "district-admin"];
        string[] handlers = ["town-admin", "town-operator", "grid-worker", "mediator", "enforcement-officer"];
        string[] visitors = ["town-admin", "town-operator"];
        var table = new HashSet<(CaseAction, CaseStatus, string)>();
        void Allow(CaseAction action, CaseStatus[] from, string[] roles)
        {
            foreach (var status in from)
            {
                foreach (var role in roles)
                {
                    table.Add((action, status, role));
                }
            }
        }

        Allow(CaseAction.Assign, [CaseStatus.Received, CaseStatus.Returned, CaseStatus.Reopened], dispatchers);
        Allow(CaseAction.Start, [CaseStatus.Assigned], handlers);
        Allow(CaseAction.Resolve, [CaseStatus.InProgress], handlers);
        Allow(CaseAction.Close, [CaseStatus.Resolved], visitors);
        Allow(CaseAction.Return, [CaseStatus.Assigned, CaseStatus.InProgress], handlers);
        return table;
    }
}

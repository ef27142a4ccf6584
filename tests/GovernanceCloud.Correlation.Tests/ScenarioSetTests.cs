using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Correlation.Scenarios;
using GovernanceCloud.Correlation.Settings;
using GovernanceCloud.Intake.Contracts;
using Xunit;

namespace GovernanceCloud.Correlation.Tests;

/// <summary>The six scenarios together: the outcome does not depend on the order complaints arrive in.</summary>
public sealed class ScenarioSetTests
{
    private static readonly DateTimeOffset Day = new(2026, 10, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void TheOldestComplaintArrivingLast_StillSeesTheWholeWindow()
    {
        var key = new string('c', 64);
        PetitionerComplaint[] history =
        [
            new("c1", "t", "12345", Day), new("c2", "t", "12345", Day.AddDays(5)), new("c3", "t", "hanshan", Day.AddDays(10)),
        ];

        // c1 is the oldest but arrives last: judged only at its own time, it would see itself alone.
        var findings = ScenarioSet.Evaluate(Evidence(Facts("c1", Day, key), history), CorrelationSettings.Defaults);
        var repeat = Assert.Single(findings, f => f.Scenario == Scenario.RepeatPetitioner);
        Assert.Equal(WarningLevel.Blue, repeat.Level);
        Assert.Equal(["c1", "c2", "c3"], repeat.ComplaintIds);
    }

    [Fact]
    public void AnOldDenseWindow_IsNotHiddenByANewerComplaint()
    {
        var key = new string('d', 64);
        PetitionerComplaint[] history =
        [
            new("c1", "t", "12345", Day), new("c2", "t", "12345", Day.AddDays(1)), new("c3", "t", "12345", Day.AddDays(2)),
            new("c4", "t", "12345", Day.AddDays(90)),
        ];

        var findings = ScenarioSet.Evaluate(Evidence(Facts("c3", Day.AddDays(2), key), history), CorrelationSettings.Defaults);
        Assert.Equal(WarningLevel.Blue, Assert.Single(findings, f => f.Scenario == Scenario.RepeatPetitioner).Level);
    }

    [Fact]
    public void ComplaintsOfOneBatchSharingAMattersSnapshot_ShareItsFindingAtTheNewestEvidence_AndFindWhatEachWouldAlone()
    {
        // Six people about one matter over six days, two of them through a second channel.
        var members = Enumerable.Range(0, 6)
            .Select(i => new MatterMember($"s{i}", new string((char)('a' + i), 64), i < 4 ? "12345" : "wangge", "t", Day.AddDays(i), 0.8))
            .ToArray();
        var matter = new MatterSnapshot("m-shared", "锦丰花园 积水", members, ["锦丰花园"]);
        var memo = new ScenarioSet.MatterFindings();
        var levels = new Dictionary<string, ChannelLevel>();

        Finding[] Evaluate(MatterMember member, ScenarioSet.MatterFindings? latest) => ScenarioSet.Evaluate(
            new ScenarioSet.Evidence(Facts(member.ComplaintId, member.ReceivedAt, member.PetitionerKey!), matter, [], null, null, levels, latest),
            CorrelationSettings.Defaults).Where(f => f.Subject == "matter:m-shared").ToArray();

        var alone = members.Select(m => Evaluate(m, null)).ToArray();
        var together = members.Select(m => Evaluate(m, memo)).ToArray();

        for (var i = 0; i < members.Length; i++)
        {
            Assert.Equal(alone[i].Select(f => (f.Scenario, f.Level, string.Join(',', f.ComplaintIds))), together[i].Select(f => (f.Scenario, f.Level, string.Join(',', f.ComplaintIds))));
        }

        var shared = together.Select(f => Assert.Single(f, x => x.Scenario == Scenario.SharedMatter)).ToArray();
        Assert.All(shared, f => Assert.Equal(WarningLevel.Blue, f.Level));
        Assert.Same(shared[0], shared[3]); // both judged at the newest evidence, worked out once
    }

    private static ComplaintFacts Facts(string id, DateTimeOffset at, string petitioner) =>
        new() { Id = id, TownId = "t", Channel = "12345", ReceivedAt = at, Content = "噪声扰民", PetitionerKey = petitioner };

    private static ScenarioSet.Evidence Evidence(ComplaintFacts complaint, PetitionerComplaint[] history) => new(
        complaint,
        new MatterSnapshot("m1", "噪声", [new MatterMember(complaint.Id, complaint.PetitionerKey, complaint.Channel, "t", complaint.ReceivedAt, 1)], []),
        history, null, null, new Dictionary<string, ChannelLevel>());
}

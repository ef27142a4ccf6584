using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Correlation.Matching;
using GovernanceCloud.Correlation.Text;
using GovernanceCloud.Kernel.Tenancy;
using Xunit;

namespace GovernanceCloud.Correlation.Tests;

/// <summary>A matter as its partition holds it: scoring within its window, a redo that changes nothing, and what a write carries.</summary>
public sealed class HeldMatterTests
{
    private static readonly TenantId District = TenantId.ForDistrict("xiangcheng");
    private static readonly DateTimeOffset Day = new(2026, 5, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);

    [Fact]
    public void AMatterWithoutComplaints_ScoresNothing()
    {
        var matter = New("m-empty");

        Assert.False(matter.Exists);
        Assert.All(matter.Score([Probe("c1", Day), Probe("c2", Day)], Window), Assert.Null);
    }

    [Fact]
    public void AComplaint_IsScoredOnlyWithinTheWindowAroundTheMatter()
    {
        var matter = New("m-window");
        matter.Attach([Arrival("c1", Day)], Window);

        var scores = matter.Score([Probe("c2", Day.AddDays(29)), Probe("c3", Day.AddDays(31)), Probe("c4", Day.AddDays(-31))], Window);

        Assert.True(scores[0]!.Total > 0.5, "the same words and place a month later should fit");
        Assert.Null(scores[1]);
        Assert.Null(scores[2]);
    }

    [Fact]
    public void AttachingAComplaintAgain_ChangesNothing()
    {
        var matter = New("m-redo");
        Assert.True(matter.Attach([Arrival("c1", Day), Arrival("c2", Day.AddHours(1))], Window));
        var version = matter.State.Version;

        Assert.False(matter.Attach([Arrival("c2", Day.AddHours(1))], Window));

        Assert.Equal(version, matter.State.Version);
        Assert.Equal(2, matter.State.Complaints);
        Assert.Equal(["c1", "c2"], matter.Snapshot().Members.Select(m => m.ComplaintId));
    }

    [Fact]
    public void ItsStateAndRow_AreUnderTheKeysItHadAsAGrainOfItsOwn()
    {
        var matter = New("m-keys");
        matter.Attach([Arrival("c1", Day)], Window);

        Assert.Equal("matter/xiangcheng/m-keys", matter.StateId.ToString());
        Assert.Same(matter.State, matter.Stored.State);
        var row = matter.ToRow();
        Assert.Equal(("m-keys", "xiangcheng", 1, 1L), (row.Id, row.DistrictId, row.ComplaintCount, row.Version));
    }

    private static HeldMatter New(string id) => new(District, id, new GrainState<MatterState>());

    private static MatterArrival Arrival(string complaint, DateTimeOffset at) =>
        new(Probe(complaint, at), new ComplaintFacts { Id = complaint, Channel = "12345", ReceivedAt = at, TownId = "xiangcheng.yuanhe", PetitionerKey = $"{complaint}-key" });

    private static MatterProbe Probe(string complaint, DateTimeOffset at) => new()
    {
        ComplaintId = complaint, PlaceKeys = ["p:众乐花园"], PlaceNames = ["众乐花园"], Terms = new Dictionary<string, double> { ["积水"] = 1.0, ["车库"] = 0.8 },
        Signature = MinHash.Signature("众乐花园地下车库积水"), ReceivedAt = at,
    };
}

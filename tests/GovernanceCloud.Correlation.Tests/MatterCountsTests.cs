using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Grains;
using Xunit;

namespace GovernanceCloud.Correlation.Tests;

/// <summary>A matter's people: members keep 16 digits of the petitioner's key, and members written with the whole key count as the same person.</summary>
public sealed class MatterCountsTests
{
    private static readonly DateTimeOffset Day = new(2026, 5, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly string Alice = "a1b2c3d4e5f60718" + new string('9', 48);
    private static readonly string Bob = "a1b2c3d4e5f60719" + new string('9', 48);

    [Fact]
    public void AMember_KeepsSixteenDigitsOfThePetitionersKey()
    {
        var member = MatterMember.Of(new ComplaintFacts { Id = "c1", Channel = "12345", ReceivedAt = Day, PetitionerKey = Alice }, 1);
        var anonymous = MatterMember.Of(new ComplaintFacts { Id = "c2", Channel = "12345", ReceivedAt = Day }, 1);

        Assert.Equal("a1b2c3d4e5f60718", member.PetitionerKey);
        Assert.Null(anonymous.PetitionerKey);
    }

    [Fact]
    public void AWholeKeyAndItsDigits_AreOnePerson_AndAnonymousComplaintsEachAPerson()
    {
        MatterMember[] members =
        [
            new("old", Alice, "12345", "t", Day, 1), // written before members kept digits
            MatterMember.Of(new ComplaintFacts { Id = "new", Channel = "12345", ReceivedAt = Day, PetitionerKey = Alice }, 1),
            MatterMember.Of(new ComplaintFacts { Id = "bob", Channel = "12345", ReceivedAt = Day, PetitionerKey = Bob }, 1),
            new("anon1", null, "12345", "t", Day, 1),
            new("anon2", null, "12345", "t", Day, 1),
        ];

        Assert.Equal(4, MatterCounts.Petitioners(members));
    }
}

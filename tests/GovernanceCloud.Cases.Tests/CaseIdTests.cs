using GovernanceCloud.Cases.Contracts;
using Xunit;

namespace GovernanceCloud.Cases.Tests;

/// <summary>
/// The case a complaint opens is named after it, so opening it twice opens one case, and led by
/// the complaint's day, so cases opened together sort together in storage. Cases named before the
/// day led them are still known as their complaint's own.
/// </summary>
public sealed class CaseIdTests
{
    private const string Complaint = "c0a1b2c3d4e5f60718293a4b5";
    private static readonly DateTimeOffset Day = new(2026, 5, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void AComplaintsCase_IsLedByItsDay_AndSortsAfterAnEarlierDaysWhateverTheHash()
    {
        Assert.Equal("k25910a1b2c3d4e5f60718293a4b5", CasesGrains.CaseIdFor(Complaint, Day)); // 2026-05-01 01:00 UTC is day 0x2591
        var earlier = CasesGrains.CaseIdFor("cffffffffffffffffffffffff", Day);
        var later = CasesGrains.CaseIdFor("c000000000000000000000000", Day.AddDays(1));
        Assert.True(string.CompareOrdinal(earlier, later) < 0, $"{earlier} should sort before {later}");
    }

    [Fact]
    public void AComplaintsOwnCase_IsRecognised_InBothNamings_AndNoOtherIs()
    {
        Assert.True(CasesGrains.IsCaseOf(CasesGrains.CaseIdFor(Complaint, Day), Complaint));
        Assert.True(CasesGrains.IsCaseOf("k0a1b2c3d4e5f60718293a4b5", Complaint)); // named before the day led
        Assert.False(CasesGrains.IsCaseOf(CasesGrains.CaseIdFor("c0a1b2c3d4e5f60718293a4b6", Day), Complaint));
        Assert.False(CasesGrains.IsCaseOf("k00a1b2c3d4e5f60718293a4b5", Complaint)); // one digit too many for either naming
        Assert.False(CasesGrains.IsCaseOf("m25910a1b2c3d4e5f60718293a4b5", Complaint));
    }
}

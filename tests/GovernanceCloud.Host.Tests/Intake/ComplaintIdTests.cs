using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Kernel.Tenancy;
using Xunit;

namespace GovernanceCloud.Host.Tests.Intake;

/// <summary>
/// Complaint ids key the read model's complaints and cases across all districts, while channel codes
/// are each district's own: the same hotline ticket number in two districts is two complaints.
/// </summary>
public sealed class ComplaintIdTests
{
    [Fact]
    public void TheSameChannelAndExternalId_InTwoDistricts_AreTwoComplaints()
    {
        var xiangcheng = IntakeGrains.ComplaintId(TenantId.ForDistrict("xiangcheng"), "12345", "SZ-2026-000123");
        var wuzhong = IntakeGrains.ComplaintId(TenantId.ForDistrict("wuzhong"), "12345", "SZ-2026-000123");

        Assert.NotEqual(xiangcheng, wuzhong);
        Assert.Equal(xiangcheng, IntakeGrains.ComplaintId(TenantId.ForDistrict("xiangcheng"), "12345", "SZ-2026-000123"));
        // A town's caller names the same complaint as its district does.
        Assert.Equal(xiangcheng, IntakeGrains.ComplaintId(TenantId.Parse("xiangcheng.yuanhe"), "12345", "SZ-2026-000123"));
    }

    [Fact]
    public void AComplaintsJournal_IsItsPetitionersOrElseItsOwn_TheSameInEveryProcess()
    {
        // Fixed values: every silo of a cluster must send one petitioner to the same journal, so the
        // partition cannot come from string.GetHashCode, which differs from process to process.
        ComplaintRecord Complaint(string id, string? petitionerKey) => new()
        {
            Id = id, DistrictId = "xiangcheng", Channel = "12345", ExternalId = id, ReceivedAt = DateTimeOffset.UnixEpoch, Content = "…",
            ContentHash = "h", PetitionerKey = petitionerKey,
        };

        Assert.Equal(0, IntakeGrains.JournalPartition(Complaint("cabc", "3f2a9c0e5b7d41a8e6c2f09d1b4a7e3c5d8f6a2b9c0e1d4f7a3b6c9e2d5f8a1b")));
        Assert.Equal(6, IntakeGrains.JournalPartition(Complaint("cabc", petitionerKey: null)));
    }
}

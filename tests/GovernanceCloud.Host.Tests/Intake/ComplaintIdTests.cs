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
}

using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Sheets;
using GovernanceCloud.Web.Access;
using Xunit;

namespace GovernanceCloud.Correlation.Tests;

/// <summary>Prompt sheet numbers and who may move a sheet from which status.</summary>
public sealed class PromptSheetRuleTests
{
    [Theory]
    [InlineData("xiangcheng", "XC")]
    [InlineData("wujiang", "WJ")]
    [InlineData("gusu", "GS")]
    [InlineData("zhangjiagang", "ZJG")]
    [InlineData("changshu", "CS")]
    [InlineData("kunshan", "KS")]
    [InlineData("x1", "X1")]
    [InlineData("qq", "QQ")]
    public void TheDefaultPrefix_IsThePinyinInitialsOfTheDistrictId(string district, string prefix) =>
        Assert.Equal(prefix, SheetNumbers.DefaultPrefix(district));

    [Fact]
    public void Numbers_CarryTheYearOfIssueInBeijing_AndSixDigits()
    {
        // 31 December 2026, 17:00 UTC is already 1 January 2027 in Beijing.
        Assert.Equal("XC-2027-000123", SheetNumbers.Format("XC", new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero), 123));
        Assert.Equal("XC-2026-1234567", SheetNumbers.Format("XC", new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), 1_234_567));
    }

    [Theory]
    [InlineData("Issued", true, false, "Acknowledge")]
    [InlineData("Issued", false, true, "")]
    [InlineData("Acknowledged", true, false, "Start,Resolve")]
    [InlineData("InProgress", true, false, "Resolve")]
    [InlineData("Resolved", true, false, "")]
    [InlineData("Resolved", false, true, "Close,SendBack")]
    [InlineData("SentBack", true, false, "Start,Resolve")]
    [InlineData("Closed", true, true, "")]
    public void TownStaffHandle_TheDistrictReviews(string status, bool handler, bool reviewer, string expected)
    {
        string[] roles = handler ? [GovernanceRoles.TownOperator] : [GovernanceRoles.DistrictAnalyst];
        var allowed = PromptSheetWorkflow.Allowed(Enum.Parse<PromptSheetStatus>(status), roles, handler, reviewer);
        Assert.Equal(expected, string.Join(",", allowed));
    }

    [Fact]
    public void ADistrictSheet_IsHandledAndReviewedByTheDistrict_ButNotByItsGridWorkers()
    {
        Assert.Equal([PromptSheetAction.Acknowledge], PromptSheetWorkflow.Allowed(PromptSheetStatus.Issued, [GovernanceRoles.DistrictAdmin], handler: true, reviewer: true));
        Assert.Empty(PromptSheetWorkflow.Allowed(PromptSheetStatus.Issued, [GovernanceRoles.GridWorker], handler: true, reviewer: false));
        Assert.True(PromptSheetWorkflow.IsRunning(PromptSheetStatus.SentBack));
        Assert.False(PromptSheetWorkflow.IsRunning(PromptSheetStatus.Resolved));
    }
}

using GovernanceCloud.Correlation.Contracts;
using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Correlation.Scenarios;
using GovernanceCloud.Correlation.Settings;
using Xunit;

namespace GovernanceCloud.Correlation.Tests;

/// <summary>Each scenario just below, at and above each default threshold.</summary>
public sealed class ScenarioThresholdTests
{
    private static readonly CorrelationSettings Defaults = CorrelationSettings.Defaults;
    private static readonly DateTimeOffset At = new(2026, 11, 20, 12, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(2, null)]
    [InlineData(3, WarningLevel.Blue)]
    [InlineData(4, WarningLevel.Blue)]
    [InlineData(5, WarningLevel.Orange)]
    [InlineData(7, WarningLevel.Orange)]
    [InlineData(8, WarningLevel.Red)]
    public void RepeatPetitioner_CountsWithinThirtyDays(int complaints, WarningLevel? expected)
    {
        var history = Enumerable.Range(0, complaints).Select(i => new RepeatPetitioner.Complaint($"c{i}", "t", "12345", At.AddDays(-i * 3))).ToList();
        history.Add(new RepeatPetitioner.Complaint("old", "t", "12345", At.AddDays(-31))); // outside the window
        Assert.Equal(expected, RepeatPetitioner.Evaluate(new string('a', 64), history, At, Defaults)?.Level);
    }

    [Theory]
    [InlineData(4, null)]
    [InlineData(5, WarningLevel.Blue)]
    [InlineData(9, WarningLevel.Blue)]
    [InlineData(10, WarningLevel.Orange)]
    [InlineData(20, WarningLevel.Red)]
    public void SharedMatter_CountsDistinctPetitioners(int people, WarningLevel? expected)
    {
        var members = Enumerable.Range(0, people).Select(i => new MatterMember($"c{i}", $"p{i}", "12345", "t", At.AddDays(-i % 13), 0.8))
            .Append(new MatterMember("again", "p0", "hanshan", "t", At, 0.9)) // the same person again counts once
            .ToArray();
        var finding = SharedMatter.Evaluate(new MatterSnapshot("m1", "西湖君庭 业委会", members, ["西湖君庭"]), At, Defaults);
        Assert.Equal(expected, finding?.Level);
    }

    [Theory]
    [InlineData(9, 1.0, null)]    // below the minimum count
    [InlineData(10, 4.0, null)]   // 2.5×
    [InlineData(12, 4.0, WarningLevel.Blue)]   // 3×
    [InlineData(20, 4.0, WarningLevel.Orange)] // 5×
    [InlineData(40, 4.0, WarningLevel.Red)]    // 10×
    public void LocationHotspot_ComparesTheWeekWithItsTrailingMean(int week, double mean, WarningLevel? expected)
    {
        var volume = new VolumeStats { Week = week, TrailingWeeklyMean = mean, TrailingWeeks = 8, HistoryDays = 60, WeekComplaintIds = ["c1"] };
        Assert.Equal(expected, LocationHotspot.Evaluate("grid:g1", "网格 g1", "t", volume, Defaults)?.Level);
    }

    [Fact]
    public void LocationHotspot_NeedsAWeekOfHistory() =>
        Assert.Null(LocationHotspot.Evaluate("grid:g1", "网格 g1", "t", new VolumeStats { Week = 50, HistoryDays = 3 }, Defaults));

    [Theory]
    [InlineData(19, 2.0, 1.0, null)]  // below the minimum count, however far above the mean
    [InlineData(26, 15.0, 4.0, null)] // +2.75σ
    [InlineData(27, 15.0, 4.0, WarningLevel.Blue)]   // +3σ
    [InlineData(35, 15.0, 4.0, WarningLevel.Orange)] // +5σ
    [InlineData(47, 15.0, 4.0, WarningLevel.Red)]    // +8σ
    [InlineData(30, 9.0, 0.0, WarningLevel.Orange)]  // no spread: √9 = 3 stands in, so +7σ
    public void CategorySurge_CountsDeviationsAboveTheMean(int day, double mean, double std, WarningLevel? expected)
    {
        var volume = new VolumeStats { Day = day, TrailingDailyMean = mean, TrailingDailyStd = std, TrailingDays = 28, HistoryDays = 40 };
        Assert.Equal(expected, CategorySurge.Evaluate("C01", volume, Defaults)?.Level);
    }

    [Fact]
    public void ChannelEscalation_ThreeChannels_OrAPetitionerClimbingToAHigherLevel_IsOrange()
    {
        ChannelEscalation.Contact Contact(string channel, int level, int daysAgo) => new($"c{channel}{daysAgo}", channel, level, At.AddDays(-daysAgo), "t");
        var window = TimeSpan.FromDays(14);
        ChannelEscalation.Contact[] two = [Contact("12345", 0, 3), Contact("hanshan", 0, 1)];
        ChannelEscalation.Contact[] three = [Contact("12345", 0, 3), Contact("hanshan", 0, 2), Contact("mayor-mailbox", 0, 1)];
        ChannelEscalation.Contact[] climb = [Contact("mayor-mailbox", 0, 3), Contact("province-12345", 2, 0)];

        Assert.Null(ChannelEscalation.OfMatter("matter:m", "事项", two, At, window, Defaults));
        Assert.Null(ChannelEscalation.OfPetitioner("petitioner:p", two, At, window, Defaults));
        Assert.Equal(WarningLevel.Orange, ChannelEscalation.OfMatter("matter:m", "事项", three, At, window, Defaults)?.Level);
        Assert.Equal(WarningLevel.Orange, ChannelEscalation.OfPetitioner("petitioner:p", three, At, window, Defaults)?.Level);

        // One person going up is escalation; two people of one matter using two levels of channel is not.
        Assert.Equal(WarningLevel.Orange, ChannelEscalation.OfPetitioner("petitioner:p", climb, At, window, Defaults)?.Level);
        Assert.Null(ChannelEscalation.OfMatter("matter:m", "事项", climb, At, window, Defaults));
    }

    [Theory]
    [InlineData("小区门口垃圾没人清运", null)]
    [InlineData("我多次上访无果，菜场门口人员聚集，已联名写信", null)] // one person's petition, a crowd, a joint letter: not group action
    [InlineData("业主们准备拉横幅维权", WarningLevel.Orange)]
    [InlineData("再不给工资我就跳楼", WarningLevel.Red)]
    [InlineData("大家商量集体上访，有人说不想活了", WarningLevel.Red)]
    public void SensitiveRisk_RaisesAtOnce(string content, WarningLevel? expected) =>
        Assert.Equal(expected, SensitiveRisk.Evaluate("matter:m", "t", "c1", "", content, Defaults)?.Level);

    [Fact]
    public void Explanations_NameTheCountsAndTheThreshold()
    {
        var history = Enumerable.Range(0, 3).Select(i => new RepeatPetitioner.Complaint($"c{i}", "t", i == 0 ? "12345" : "hanshan", At.AddDays(-i))).ToArray();
        var finding = RepeatPetitioner.Evaluate(new string('b', 64), history, At, Defaults)!;
        Assert.Contains("3 件诉求", finding.Explanation, StringComparison.Ordinal);
        Assert.Contains("2 个渠道", finding.Explanation, StringComparison.Ordinal);
        Assert.Contains("蓝色阈值 3 件", finding.Explanation, StringComparison.Ordinal);
        Assert.Equal(["c0", "c1", "c2"], finding.ComplaintIds.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(1, WarningLevel.Orange)]
    [InlineData(2, WarningLevel.Red)]
    [InlineData(3, WarningLevel.Red)]
    public void ChannelEscalation_AReopenedCase_IsOrange_AndRedFromTheSecondReopening(int reopens, WarningLevel expected)
    {
        var finding = ChannelEscalation.Reopened(new CaseReopening { CaseId = "k1", TownId = "xiangcheng.yuanhe", Reopens = reopens, ComplaintIds = ["c1", "c2"] });
        Assert.Equal(expected, finding.Level);
        Assert.Equal("case:k1", finding.Subject);
        Assert.Equal(["c1", "c2"], finding.ComplaintIds);
    }
}

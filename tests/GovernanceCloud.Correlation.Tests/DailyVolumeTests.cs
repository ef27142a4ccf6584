using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Correlation.Scenarios;
using Xunit;

namespace GovernanceCloud.Correlation.Tests;

/// <summary>A day's count: each complaint once, whether asked again now or after the counter was read back; old days' ids go.</summary>
public sealed class DailyVolumeTests
{
    private static readonly DateTimeOffset Day = new(2026, 5, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void AComplaint_IsCountedOnce_AlsoByACounterReadBackFromItsState()
    {
        var state = new VolumeState();
        var volume = new DailyVolume(state);

        Assert.True(volume.Count("c1", Day));
        Assert.False(volume.Count("c1", Day.AddHours(3)));
        Assert.True(volume.Count("c2", Day));

        var readBack = new DailyVolume(state);
        Assert.False(readBack.Count("c2", Day));
        Assert.True(readBack.Count("c3", Day));
        Assert.Equal(3, state.Days[DailyVolume.DayOf(Day)]);
    }

    [Fact]
    public void ALaterDay_PrunesTheIdsOfDaysPastTheWeek_AndTheirCountsStay()
    {
        var state = new VolumeState();
        var volume = new DailyVolume(state);
        volume.Count("c1", Day);

        volume.Count("c2", Day.AddDays(9));

        Assert.False(state.Recent.ContainsKey(DailyVolume.DayOf(Day)));
        Assert.Equal(1, state.Days[DailyVolume.DayOf(Day)]);
        Assert.Equal(["c2"], volume.Stats(Day.AddDays(9), 8, 28).DayComplaintIds);
    }
}

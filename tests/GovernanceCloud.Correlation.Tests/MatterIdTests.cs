using GovernanceCloud.Correlation.Grains;
using Xunit;

namespace GovernanceCloud.Correlation.Tests;

/// <summary>
/// A new matter is named after the complaint that started it, so a redo starts the same one, and
/// led by that complaint's day, so matters started together sort together in storage.
/// </summary>
public sealed class MatterIdTests
{
    private static readonly DateTimeOffset Day = new(2026, 5, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void TheSameComplaint_StartsTheSameMatter()
    {
        Assert.Equal(CorrelationKeys.MatterIdFor("c0a1b2c3d4e5f60718293a4b5", Day), CorrelationKeys.MatterIdFor("c0a1b2c3d4e5f60718293a4b5", Day));
        Assert.NotEqual(CorrelationKeys.MatterIdFor("c0a1b2c3d4e5f60718293a4b5", Day), CorrelationKeys.MatterIdFor("c0a1b2c3d4e5f60718293a4b6", Day));
    }

    [Fact]
    public void MattersStartedOnALaterDay_SortAfter_WhateverTheirComplaintsHash()
    {
        var earlier = CorrelationKeys.MatterIdFor("cffffffffffffffffffffffff", Day);
        var later = CorrelationKeys.MatterIdFor("c000000000000000000000000", Day.AddDays(1));

        Assert.True(string.CompareOrdinal(earlier, later) < 0, $"{earlier} should sort before {later}");
        Assert.Equal("m2591ffffffffffffffffffffffff", earlier); // 2026-05-01 01:00 UTC is day 0x2591 from 2000-01-01
    }
}

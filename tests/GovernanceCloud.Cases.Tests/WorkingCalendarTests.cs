using System.Globalization;
using GovernanceCloud.Cases.Workflow;
using GovernanceCloud.Persistence.Configuration;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace GovernanceCloud.Cases.Tests;

/// <summary>Deadlines over weekends, public holidays and make-up working days (Beijing time).</summary>
public sealed class WorkingCalendarTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    // A National Day week as the State Council publishes them: 1-7 October off, Saturday 10 October worked.
    private static readonly WorkingCalendar Calendar = new(
        new HashSet<DateOnly> { new(2026, 10, 1), new(2026, 10, 2), new(2026, 10, 5), new(2026, 10, 6), new(2026, 10, 7) },
        new HashSet<DateOnly> { new(2026, 10, 10) });

    public static TheoryData<DateTimeOffset, int, DateTimeOffset> Deadlines => new()
    {
        // Monday + 5 working days = next Monday, same time
        { At(2026, 11, 23, 9, 30), 5, At(2026, 11, 30, 9, 30) },
        // Friday + 1 = Monday
        { At(2026, 11, 27, 16, 0), 1, At(2026, 11, 30, 16, 0) },
        // Saturday + 1 = Monday (a rest day starts counting at the next working day)
        { At(2026, 11, 28, 10, 0), 1, At(2026, 11, 30, 10, 0) },
        // Wednesday 30 September + 1 = Thursday 8 October (1-7 October off)
        { At(2026, 9, 30, 11, 0), 1, At(2026, 10, 8, 11, 0) },
        // Thursday 8 October + 2 = Saturday 10 October (a make-up working day)
        { At(2026, 10, 8, 11, 0), 2, At(2026, 10, 10, 11, 0) },
        // a UTC start is counted in Beijing time: 2026-11-27T17:00Z is Saturday 01:00 in Beijing
        { new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.Zero), 1, At(2026, 11, 30, 1, 0) },
    };

    [Theory]
    [MemberData(nameof(Deadlines))]
    public void AddWorkingDays(DateTimeOffset start, int days, DateTimeOffset expected) =>
        Assert.Equal(expected, Calendar.AddWorkingDays(start, days));

    [Fact]
    public void ZeroDays_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(At(2026, 11, 23, 9, 0), 0));

    private static DateTimeOffset At(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, Beijing);
}

/// <summary>The State Council's published years are built in; configuration adds to them.</summary>
public sealed class CasePolicyCalendarTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static TheoryData<string, bool> Days => new()
    {
        { "2026-02-16", false }, // Spring Festival, a Monday
        { "2026-02-14", true },  // a Saturday worked before it
        { "2026-02-28", true },  // and one after it
        { "2026-09-25", false }, // Mid-Autumn, a Friday
        { "2026-10-10", true },  // the Saturday after National Day
        { "2025-10-08", false }, // 2025's eight-day National Day
        { "2025-09-28", true },  // a Sunday worked in 2025
        { "2026-11-27", true },  // an ordinary Friday
        { "2026-11-28", false }, // an ordinary Saturday
    };

    [Theory]
    [MemberData(nameof(Days))]
    public void PublishedYears_AreBuiltIn(string day, bool working) =>
        Assert.Equal(working, Policy().Calendar.IsWorkingDay(DateOnly.Parse(day, CultureInfo.InvariantCulture)));

    [Fact]
    public void ConfiguredDays_AddToThePublishedOnes()
    {
        var policy = Policy(("Cases:Holidays:0", "2027-01-01"), ("Cases:Workdays:0", "2027-01-02"));
        Assert.False(policy.Calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.True(policy.Calendar.IsWorkingDay(new DateOnly(2027, 1, 2)));
        Assert.False(policy.Calendar.IsWorkingDay(new DateOnly(2026, 2, 16)));
    }

    [Fact]
    public void SpringFestival_PushesADeadlinePastTheHoliday()
    {
        // Friday 13 February 2026 + 3 working days: Saturday 14 (worked), then Tuesday 24 and Wednesday 25.
        var due = Policy(("Cases:Sla:Default", "3")).DueAt(new DateTimeOffset(2026, 2, 13, 9, 0, 0, Beijing), null, urgent: false);
        Assert.Equal(new DateTimeOffset(2026, 2, 25, 9, 0, 0, Beijing), due);
    }

    [Fact]
    public void ANonPositiveCheckInterval_IsAConfigurationError() =>
        Assert.Throws<GovernanceConfigurationException>(() => Policy(("Cases:OverdueCheckInterval", "00:00:00")));

    private static CasePolicy Policy(params (string Key, string Value)[] settings) =>
        new(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());
}

namespace GovernanceCloud.Cases.Workflow;

/// <summary>
/// Working days in China Standard Time: Monday to Friday, minus public holidays, plus the weekend
/// days the State Council declares make-up working days (调休). Both lists come from configuration
/// (<c>Cases:Holidays</c>, <c>Cases:Workdays</c>), since they are published year by year.
/// </summary>
internal sealed class WorkingCalendar(IReadOnlySet<DateOnly> holidays, IReadOnlySet<DateOnly> workdays)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public bool IsWorkingDay(DateOnly day) =>
        workdays.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day));

    /// <summary>
    /// <paramref name="days"/> working days after <paramref name="start"/>: the same local time on
    /// the Nth working day that follows the start's day (a start on a rest day counts from the next
    /// working day).
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var local = start.ToOffset(Beijing);
        var day = DateOnly.FromDateTime(local.DateTime);
        var counted = 0;
        while (counted < days)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return new DateTimeOffset(day.ToDateTime(TimeOnly.FromDateTime(local.DateTime)), Beijing);
    }
}

using System.Globalization;

namespace GovernanceCloud.Cases.Workflow;

/// <summary>
/// The public holidays and make-up working days (调休上班) the General Office of the State Council
/// published for each year it has (国办发明电〔2024〕12号 for 2025, 国办发明电〔2025〕7号 for 2026).
/// Later years are added here once published, or through <c>Cases:Holidays</c> / <c>Cases:Workdays</c> meanwhile.
/// </summary>
internal static class StateCouncilHolidays
{
    private static readonly (string From, string To)[] Holidays =
    [
        ("2025-01-01", "2025-01-01"), ("2025-01-28", "2025-02-04"), ("2025-04-04", "2025-04-06"), ("2025-05-01", "2025-05-05"),
        ("2025-05-31", "2025-06-02"), ("2025-10-01", "2025-10-08"),
        ("2026-01-01", "2026-01-03"), ("2026-02-15", "2026-02-23"), ("2026-04-04", "2026-04-06"), ("2026-05-01", "2026-05-05"),
        ("2026-06-19", "2026-06-21"), ("2026-09-25", "2026-09-27"), ("2026-10-01", "2026-10-07"),
    ];

    private static readonly string[] Workdays =
    [
        "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
        "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
    ];

    public static IEnumerable<DateOnly> HolidayDates() =>
        Holidays.SelectMany(range => Days(Parse(range.From), Parse(range.To)));

    public static IEnumerable<DateOnly> WorkdayDates() =>
        Workdays.Select(Parse);

    private static DateOnly Parse(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}

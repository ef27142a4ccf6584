using System.Globalization;
using GovernanceCloud.Persistence.Configuration;
using Microsoft.Extensions.Configuration;

namespace GovernanceCloud.Cases.Workflow;

/// <summary>
/// The deadlines of assigned cases: working days by category (<c>Cases:Sla:{category}</c>,
/// default <c>Cases:Sla:Default</c> = 5), urgent cases <c>Cases:Sla:Urgent</c> (default 1), counted
/// on the working calendar.
/// </summary>
internal sealed class CasePolicy
{
    private readonly IConfiguration _configuration;

    public CasePolicy(IConfiguration configuration)
    {
        _configuration = configuration;
        Calendar = new WorkingCalendar(
            StateCouncilHolidays.HolidayDates().Concat(Dates("Cases:Holidays")).ToHashSet(),
            StateCouncilHolidays.WorkdayDates().Concat(Dates("Cases:Workdays")).ToHashSet());
        OverdueCheckInterval = configuration.GetValue("Cases:OverdueCheckInterval", TimeSpan.FromHours(1));
        if (OverdueCheckInterval <= TimeSpan.Zero)
        {
            throw new GovernanceConfigurationException($"Cases:OverdueCheckInterval = '{OverdueCheckInterval}' must be positive.");
        }
    }

    public WorkingCalendar Calendar { get; }

    public TimeSpan OverdueCheckInterval { get; }

    public DateTimeOffset DueAt(DateTimeOffset assignedAt, string? category, bool urgent) =>
        Calendar.AddWorkingDays(assignedAt, urgent ? Days("Urgent", 1) : Days(category ?? "Default", Days("Default", 5)));

    private int Days(string key, int fallback) =>
        int.TryParse(_configuration[$"Cases:Sla:{key}"], CultureInfo.InvariantCulture, out var days) && days > 0 ? days : fallback;

    private IEnumerable<DateOnly> Dates(string key) =>
        (_configuration.GetSection(key).Get<string[]>() ?? [])
            .Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture));
}

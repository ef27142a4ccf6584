using GovernanceCloud.Cases.ReadModel;
using GovernanceCloud.Correlation.ReadModel;
using GovernanceCloud.Intake.ReadModel;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.Extensions.DependencyInjection;

namespace GovernanceCloud.Host.Tests.Feeds;

/// <summary>
/// Read-model rows written straight through the host's own projection writer, the way the grains
/// write them: many rows fast, and rows the workflow would take days to produce (a matter moving
/// town, a thousand complaints of one category).
/// </summary>
internal sealed class FeedRows(IServiceProvider services)
{
    public const string District = "xiangcheng";
    public const string Yuanhe = "xiangcheng.yuanhe";
    public const string Taiping = "xiangcheng.taiping";

    private readonly IProjectionWriter _writer = services.GetRequiredService<IProjectionWriter>();

    /// <summary>A category code no other test uses: every row of one test carries it.</summary>
    public static string NewCategory() => $"t{Guid.NewGuid():N}"[..16];

    public Task<bool> WriteAsync<TRow>(TRow row)
        where TRow : class, IVersionedRow => _writer.UpsertAsync(row);

    public static CaseRow Case(string id, string town, string category, string status = "Received", long version = 1, bool overdue = false) => new()
    {
        Id = id, DistrictId = District, TownId = town, Status = status, CategoryCode = category, OpenedAt = DateTimeOffset.Parse("2026-11-20T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture),
        IsOverdue = overdue, Version = version,
    };

    public static ComplaintRow Complaint(string id, string town, string category, string? caseId = null, string? matterId = null, int minute = 0) => new()
    {
        Id = id, DistrictId = District, TownId = town, Channel = "12345", ExternalId = id, Title = $"测试诉求 {id}", CategoryCode = category, CaseId = caseId, MatterId = matterId,
        Status = "Accepted", ReceivedAt = DateTimeOffset.Parse("2026-11-20T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture).AddMinutes(minute),
        PetitionerMasked = "王* 139****5678", PetitionerKey = "secret-key", Content = "不该出现在任何数据集里的正文", Address = "元和街道某小区", Version = 1,
    };

    public static MatterRow Matter(string id, string town, long version = 1, string label = "测试事项") => new()
    {
        Id = id, DistrictId = District, TownId = town, Label = label, Places = "西湖君庭", ComplaintCount = 2, PetitionerCount = 2, ChannelCount = 1, TownCount = 1,
        FirstReceivedAt = DateTimeOffset.UnixEpoch, LastReceivedAt = DateTimeOffset.UnixEpoch, Version = version,
    };

    public static WarningRow Warning(string id, string town, string? sheet, string level = "Orange", int complaints = 2) => new()
    {
        Id = id, DistrictId = District, TownId = town, Scenario = "SharedMatter", Level = level, Status = "Open", SubjectKey = $"m-{id}", Summary = "测试预警",
        ComplaintCount = complaints, RaisedAt = DateTimeOffset.UnixEpoch, DueAt = DateTimeOffset.UnixEpoch, Explanation = "测试", SheetNumber = sheet, Version = 1,
    };

    public static PromptSheetRow Sheet(string id, string town, string warningId) => new()
    {
        Id = id, DistrictId = District, TownId = town, WarningId = warningId, Scenario = "SharedMatter", Level = "Orange", Status = "Issued", Summary = "测试提示单",
        SuggestedAction = "核实情况", ComplaintCount = 2, IssuedAt = DateTimeOffset.UnixEpoch, DueAt = DateTimeOffset.UnixEpoch, Version = 1,
    };

    public static WarningEvidenceRow Evidence(string warningId, string complaintId, string town) =>
        new() { WarningId = warningId, ComplaintId = complaintId, DistrictId = District, TownId = town };
}

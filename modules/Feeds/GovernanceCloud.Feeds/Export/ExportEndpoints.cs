using System.Linq.Expressions;
using GovernanceCloud.Feeds.Data;
using GovernanceCloud.Feeds.Model;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Feeds.Export;

/// <summary>
/// <c>GET /api/v1/exports/{list}.{csv|xlsx}?from=&amp;to=&amp;status=&amp;townId=</c>: the cases,
/// warnings or prompt sheets the token may see, newest first, as a spreadsheet with Chinese
/// headers. At most <see cref="MaxRows"/> rows: a longer list is refused, so nobody mistakes a cut
/// list for the whole.
/// </summary>
internal static class ExportEndpoints
{
    public const int MaxRows = 100_000;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/exports/{list}.{format}", ExportAsync)
            .WithTags("Exports")
            .WithSummary("导出案件、预警或工作提示单列表（CSV 或 Excel）")
            .RequireAuthorization(GovernancePolicies.Feeds);

    private static async Task<IResult> ExportAsync(
        HttpContext http, FeedDbContext db, string list, string format, string? from, string? to, string? status, string? townId, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (format is not (ExportFormat.Csv or ExportFormat.Xlsx))
        {
            errors.Add("format", "导出格式只能是 csv 或 xlsx。");
        }

        var start = errors.OptionalTime("from", from);
        var end = errors.OptionalTime("to", to);
        errors.Optional("townId", townId, 65);
        var towns = await db.Set<Town>().AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return list switch
        {
            "cases" when Status<Cases.Contracts.CaseStatus>(errors, status) is var s && errors.IsEmpty =>
                await SendAsync(http, db.Set<Case>(), c => c.OpenedAt, s is { } cs ? c => c.Status == cs : null, ExportLists.Cases(towns), "案件", format, start, end, townId, cancellationToken),
            "warnings" when Status<Correlation.Contracts.WarningStatus>(errors, status) is var s && errors.IsEmpty =>
                await SendAsync(http, db.Set<Warning>(), w => w.RaisedAt, s is { } ws ? w => w.Status == ws : null, ExportLists.Warnings(towns), "预警", format, start, end, townId, cancellationToken),
            "prompt-sheets" when Status<Correlation.Contracts.PromptSheetStatus>(errors, status) is var s && errors.IsEmpty =>
                await SendAsync(http, db.Set<PromptSheet>(), p => p.IssuedAt, s is { } ps ? p => p.Status == ps : null, ExportLists.PromptSheets(towns), "工作提示单", format, start, end, townId, cancellationToken),
            "cases" or "warnings" or "prompt-sheets" => TypedResults.ValidationProblem(errors.ToDictionary()),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "没有这个列表", detail: "可以导出的列表：cases、warnings、prompt-sheets。"),
        };
    }

    private static TEnum? Status<TEnum>(FieldErrors errors, string? text)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return errors.Choice<TEnum>("status", text, $"状态只能是：{string.Join("、", Enum.GetNames<TEnum>())}。", out var value) ? value : null;
    }

    private static async Task<IResult> SendAsync<T>(
        HttpContext http, DbSet<T> set, Expression<Func<T, DateTimeOffset>> time, Expression<Func<T, bool>>? status, IReadOnlyList<ExportColumn<T>> columns,
        string title, string format, DateTimeOffset? from, DateTimeOffset? to, string? townId, CancellationToken cancellationToken)
        where T : FeedEntity
    {
        var rows = Periods.Within(set.AsNoTracking(), time, from, to);
        if (status is not null)
        {
            rows = rows.Where(status);
        }

        if (townId is not null)
        {
            rows = rows.Where(r => r.TownId == townId);
        }

        var count = await rows.CountAsync(cancellationToken);
        if (count > MaxRows)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["from"] = [$"共 {count} 行，超过一次导出的上限 {MaxRows} 行：请缩小时间范围或加上状态、镇（街道）条件。"] });
        }

        var ordered = Queryable.ThenByDescending(Queryable.OrderByDescending(rows, time), r => r.Id).AsAsyncEnumerable();
        var file = $"{title}-{DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)):yyyyMMdd-HHmm}.{format}";
        http.Response.ContentType = ExportFormat.ContentType(format);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"export.{format}\"; filename*=UTF-8''{Uri.EscapeDataString(file)}";
        if (format == ExportFormat.Xlsx)
        {
            await ExportFormat.WriteXlsxAsync(http.Response.Body, title, columns, ordered, cancellationToken);
        }
        else
        {
            await ExportFormat.WriteCsvAsync(http.Response.Body, columns, ordered, cancellationToken);
        }

        return TypedResults.Empty;
    }
}

using System.Security.Claims;
using GovernanceCloud.BaseData.Contracts;
using GovernanceCloud.BaseData.Import;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.BaseData.Api;

/// <summary>
/// <c>POST /api/v1/towns/{townId}/basedata/{kind}</c>: a town admin (or the district admin for its
/// towns) uploads a CSV or Excel file of people, houses, businesses or organisations and gets the
/// row-by-row report back. Files up to the server's request limit (30 MB); bigger ones go through the CLI.
/// </summary>
internal static partial class ImportEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/v1/towns/{townId}/basedata/{kind}", ImportAsync)
            .WithTags("BaseData")
            .WithSummary("导入人、房、企业、组织数据（CSV 或 Excel），逐行返回校验结果")
            .RequireAuthorization(GovernancePolicies.Admin)
            .DisableAntiforgery(); // bearer tokens only: nothing ambient for a forged request to ride on

    private static async Task<Results<Ok<ImportReport>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        string townId, string kind, IFormFile? file, ClaimsPrincipal caller, BaseDataImporter importer, GridCounts counts,
        ILogger<ImportReport> logger, CancellationToken cancellationToken)
    {
        if (!TenantId.TryParse(townId, out var town) || town.Kind != TenantKind.Town || !caller.MayActOn(town))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到该镇（街道）");
        }

        if (!Enum.TryParse<ImportKind>(kind, ignoreCase: true, out var importKind) || !Enum.IsDefined(importKind) || int.TryParse(kind, out _))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未知的数据种类", detail: "可选：people、houses、businesses、organisations。");
        }

        if (file is null || file.Length == 0)
        {
            return TypedResults.ValidationProblem(new FieldErrors().Add("file", "请上传一个 CSV 或 Excel (.xlsx) 文件。").ToDictionary());
        }

        await using var content = file.OpenReadStream();
        var report = await importer.ImportAsync(town, importKind, content, file.FileName, cancellationToken: cancellationToken);
        if (report.FileRejected)
        {
            var errors = new FieldErrors();
            foreach (var error in report.Errors)
            {
                errors.Add(error.Column.Length > 0 ? error.Column : "file", error.Reason);
            }

            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "文件无法导入");
        }

        await counts.RefreshAsync(town, cancellationToken);
        LogImported(logger, importKind, town.Value, report.Rows, report.Written, report.Rejected);
        return TypedResults.Ok(report);
    }

    // Counts only: no cell of the file is ever logged.
    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Kind} for {Town}: {Rows} rows, {Written} written, {Rejected} rejected.")]
    private static partial void LogImported(ILogger logger, ImportKind kind, string town, long rows, long written, long rejected);
}

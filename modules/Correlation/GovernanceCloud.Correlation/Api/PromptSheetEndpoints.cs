using System.Security.Claims;
using System.Text.RegularExpressions;
using GovernanceCloud.Correlation.Grains;
using GovernanceCloud.Correlation.ReadModel;
using GovernanceCloud.Correlation.Sheets;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace GovernanceCloud.Correlation.Api;

/// <summary>
/// <c>/api/v1/prompt-sheets/{number}</c>: a work prompt sheet with its warning's evidence and its
/// history, and the actions that move it (the town acknowledges, works and resolves it; the
/// district closes it or sends it back). A town sees only the sheets issued to it; anything else
/// answers 404. An action the sheet's status or the caller does not allow answers 409.
/// </summary>
internal static partial class PromptSheetEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var sheets = endpoints.MapGroup("/api/v1/prompt-sheets/{number}").WithTags("Warnings");
        sheets.MapGet("/", ViewAsync).WithSummary("查看工作提示单").RequireAuthorization(GovernancePolicies.Feeds);
        sheets.MapPost("/actions", ActAsync).WithSummary("办理工作提示单：签收、办理、办结、审核销号、退回").RequireAuthorization(GovernancePolicies.CaseWork);
    }

    private static async Task<IResult> ViewAsync(string number, ClaimsPrincipal caller, ReadModelDbContext db, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (caller.Tenant() is not { } tenant || await WarningOfAsync(number, db, cancellationToken) is not { } warningId)
        {
            return NotFound();
        }

        PromptSheetView? view;
        using (TenantRequestContext.Enter(tenant.District))
        {
            view = await grains.GetWarningById(tenant.District, warningId).Sheet(number, ViewerOf(caller, tenant));
        }

        return view is null || !MaySee(tenant, view.TownId) ? NotFound() : TypedResults.Ok(view);
    }

    private static async Task<IResult> ActAsync(
        string number, SheetActionRequest request, ClaimsPrincipal caller, ReadModelDbContext db, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (caller.Tenant() is not { } tenant || await WarningOfAsync(number, db, cancellationToken) is not { } warningId)
        {
            return NotFound();
        }

        var errors = request.Validate(out var action);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "办理信息有误");
        }

        var viewer = ViewerOf(caller, tenant);
        SheetActResult result;
        using (TenantRequestContext.Enter(tenant.District))
        {
            result = await grains.GetWarningById(tenant.District, warningId).ActOnSheet(number, new SheetCommand
            {
                Action = action, Actor = caller.Identity?.Name ?? "?", ActorRoles = viewer.Roles, ActorTenant = tenant.Value,
                Result = request.Result?.Trim(), Note = request.Note?.Trim(),
            });
        }

        if (result.Problem == "not-found" || (result.Sheet is { } sheet && !MaySee(tenant, sheet.TownId)))
        {
            return NotFound();
        }

        return result.Problem is null
            ? TypedResults.Ok(result.Sheet)
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "当前状态下不能这样办理",
                detail: $"提示单状态为 {result.Sheet!.Status}；您可以：{(result.Allowed.Count == 0 ? "（无）" : string.Join("、", result.Allowed))}。",
                extensions: new Dictionary<string, object?> { ["allowed"] = result.Allowed.Select(a => a.ToString()).ToArray() });
    }

    // The read model's tenant filter already hides other towns' sheets; the grain is the district's.
    private static async Task<string?> WarningOfAsync(string number, ReadModelDbContext db, CancellationToken cancellationToken) =>
        SheetNumber().IsMatch(number)
            ? await db.Set<PromptSheetRow>().AsNoTracking().Where(p => p.Id == number).Select(p => p.WarningId).FirstOrDefaultAsync(cancellationToken)
            : null;

    private static bool MaySee(TenantId tenant, string? sheetTown) => tenant.Kind == TenantKind.District || sheetTown == tenant.Value;

    private static SheetViewer ViewerOf(ClaimsPrincipal caller, TenantId tenant) =>
        new(tenant.Value, caller.FindAll(GovernanceClaims.Role).Select(c => c.Value).ToArray());

    private static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "没有这张工作提示单");

    [GeneratedRegex("^[A-Z]{1,8}-[0-9]{4}-[0-9]{6,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex SheetNumber();
}

/// <summary>The body of <c>POST /api/v1/prompt-sheets/{number}/actions</c>.</summary>
internal sealed record SheetActionRequest(string? Action, string? Result, string? Note)
{
    public FieldErrors Validate(out PromptSheetAction action)
    {
        var errors = new FieldErrors();
        if (!errors.Choice("action", Action, "应为 acknowledge、start、resolve、close 或 sendBack。", out action))
        {
            return errors;
        }

        if (action == PromptSheetAction.Resolve)
        {
            errors.Require("result", Result, 2000);
        }

        return action == PromptSheetAction.SendBack ? errors.Require("note", Note, 2000) : errors.Optional("note", Note, 2000);
    }
}

using System.Security.Claims;
using GovernanceCloud.Cases.Contracts;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GovernanceCloud.Cases.Api;

/// <summary>
/// <c>/api/v1/towns/{townId}/cases/{caseId}</c>: a case with its timeline, and the actions that move
/// it (people only; the workflow decides which role may take which action). Another town's case
/// answers 404; an action the case's status or the caller's role does not allow answers 409 with
/// the allowed ones.
/// </summary>
internal static class CaseEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var cases = endpoints.MapGroup("/api/v1/towns/{townId}/cases/{caseId}").WithTags("Cases");
        cases.MapGet("/", ViewAsync).WithSummary("查看案件及其办理过程").RequireAuthorization(GovernancePolicies.Feeds);
        cases.MapPost("/actions", ActAsync).WithSummary("办理案件：分派、开始办理、办结、回访、退回").RequireAuthorization(GovernancePolicies.CaseWork);
    }

    private static async Task<IResult> ViewAsync(string townId, string caseId, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (Town(townId, caller) is not { } town)
        {
            return NotFound();
        }

        var view = await grains.GetCase(town, caseId).View();
        return view is null ? NotFound() : TypedResults.Ok(view);
    }

    private static async Task<IResult> ActAsync(string townId, string caseId, CaseActionRequest request, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (Town(townId, caller) is not { } town)
        {
            return NotFound();
        }

        var errors = request.Validate(out var action);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "办理信息有误");
        }

        var result = await grains.GetCase(town, caseId).Act(new CaseCommand
        {
            Action = action,
            Actor = caller.Identity?.Name ?? "?",
            ActorRoles = caller.FindAll(GovernanceClaims.Role).Select(c => c.Value).ToArray(),
            Note = request.Note,
            AssignTo = request.AssignTo,
            Result = request.Result,
            Satisfied = request.Satisfied,
            Urgent = request.Urgent ?? false,
            Evidence = request.Evidence?.OfType<EvidenceRequest>().Select(e => new Evidence(e.Name!.Trim(), e.Url!)).ToArray() ?? [],
        });
        return result.Problem switch
        {
            null => TypedResults.Ok(result.Case),
            "not-found" => NotFound(),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "当前状态下不能这样办理",
                detail: $"案件状态为 {result.Case!.Status}；您可以：{(result.Allowed.Count == 0 ? "（无）" : string.Join("、", result.Allowed))}。",
                extensions: new Dictionary<string, object?> { ["allowed"] = result.Allowed.Select(a => a.ToString()).ToArray() }),
        };
    }

    private static TenantId? Town(string townId, ClaimsPrincipal caller) =>
        TenantId.TryParse(townId, out var town) && town.Kind == TenantKind.Town && caller.MayActOn(town) ? town : null;

    private static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到该案件");
}

/// <summary>The body of <c>POST …/cases/{caseId}/actions</c>.</summary>
internal sealed record CaseActionRequest(
    string? Action, string? Note, string? AssignTo, string? Result, bool? Satisfied, bool? Urgent, IReadOnlyList<EvidenceRequest?>? Evidence = null)
{
    private const int MaxEvidence = 20;

    public FieldErrors Validate(out CaseAction action)
    {
        var errors = new FieldErrors();
        if (!errors.Choice("action", Action, "应为 assign、start、resolve、close 或 return。", out action))
        {
            return errors;
        }

        if (action == CaseAction.Assign)
        {
            errors.Require("assignTo", AssignTo, 100);
        }

        if (action == CaseAction.Resolve)
        {
            errors.Require("result", Result, 2000);
        }

        if (action == CaseAction.Close && Satisfied is null)
        {
            errors.Add("satisfied", "回访结果必填：满意 true，不满意 false。");
        }

        errors.Optional("note", Note, 2000);
        ValidateEvidence(action, errors);
        return errors;
    }

    private void ValidateEvidence(CaseAction action, FieldErrors errors)
    {
        if (Evidence is not { Count: > 0 })
        {
            return;
        }

        if (action != CaseAction.Resolve || Evidence.Count > MaxEvidence)
        {
            errors.Add("evidence", $"办结时可附最多 {MaxEvidence} 项佐证材料。");
            return;
        }

        for (var i = 0; i < Evidence.Count; i++)
        {
            if (Evidence[i] is not { } item || string.IsNullOrWhiteSpace(item.Name) || item.Name.Length > 200)
            {
                errors.Add($"evidence[{i}].name", "不能为空，且不超过 200 个字符。");
            }

            if (Evidence[i]?.Url is not { Length: <= 2000 } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            {
                errors.Add($"evidence[{i}].url", "应为 http(s) 地址。");
            }
        }
    }
}

/// <summary>One piece of evidence in a resolve action.</summary>
internal sealed record EvidenceRequest(string? Name, string? Url);

using System.Security.Claims;
using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace GovernanceCloud.Intake.Api;

/// <summary>
/// <c>POST /api/v1/complaints</c> and <c>/batch</c>: every channel into one pool. Idempotent on
/// <c>(channel, externalId)</c>; a 201 is answered only once the complaint is durable.
/// </summary>
internal static class ComplaintEndpoints
{
    public const int MaxBatchSize = 1000;
    public const long MaxComplaintBytes = 128 * 1024;
    public const long MaxBatchBytes = 48L * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var complaints = endpoints.MapGroup("/api/v1/complaints").WithTags("Intake").RequireAuthorization(GovernancePolicies.Intake);
        // One complaint of 10,000 characters is about 30 KB of UTF-8; a full batch about 30 MB.
        complaints.MapPost("/", SubmitAsync).WithSummary("提交一件诉求（按渠道 + 外部编号幂等）")
            .WithMetadata(new RequestSizeLimitAttribute(MaxComplaintBytes));
        complaints.MapPost("/batch", SubmitBatchAsync).WithSummary("批量提交诉求（最多 1000 件，逐件返回结果）")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBatchBytes));
    }

    private static async Task<IResult> SubmitAsync(ComplaintRequest request, ClaimsPrincipal caller, IComplaintIntake intake, CancellationToken cancellationToken)
    {
        var (status, accepted, errors) = await intake.SubmitAsync(request, caller, cancellationToken);
        return status switch
        {
            StatusCodes.Status201Created => TypedResults.Created($"/odata/Complaints('{accepted!.Id}')", accepted),
            StatusCodes.Status200OK => TypedResults.Ok(accepted),
            StatusCodes.Status409Conflict => TypedResults.Problem(statusCode: status, title: "诉求编号冲突",
                detail: "该渠道的这个外部编号已用于内容不同的另一件诉求。"),
            _ => TypedResults.ValidationProblem(errors!, title: "诉求信息有误"),
        };
    }

    private static async Task<IResult> SubmitBatchAsync(ComplaintBatchRequest request, ClaimsPrincipal caller, IComplaintIntake intake, CancellationToken cancellationToken)
    {
        if (request.Items is not { Count: > 0 } items || items.Count > MaxBatchSize)
        {
            return TypedResults.ValidationProblem(new FieldErrors().Add("items", $"应有 1 到 {MaxBatchSize} 件诉求。").ToDictionary());
        }

        // A null item is answered alone; the others go to the journals together.
        var present = Enumerable.Range(0, items.Count).Where(i => items[i] is not null).ToArray();
        var answers = await intake.SubmitManyAsync([.. present.Select(i => items[i]!)], caller, cancellationToken);
        var next = 0;
        var results = items.Select((item, i) =>
        {
            if (item is null)
            {
                return new BatchItemResult(i, StatusCodes.Status400BadRequest, null, null, null, new FieldErrors().Add("body", "不能为空。").ToDictionary());
            }

            var (status, accepted, errors) = answers[next++];
            return new BatchItemResult(i, status, accepted?.Id, accepted?.CaseId, accepted?.TownId, errors);
        }).ToArray();
        return TypedResults.Ok(new { items = results });
    }
}

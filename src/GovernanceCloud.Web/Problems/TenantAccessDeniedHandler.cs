using GovernanceCloud.Kernel.Tenancy;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace GovernanceCloud.Web.Problems;

/// <summary>
/// The last line of tenant isolation at the edge: a grain call the tenant filter refused answers
/// 404, exactly like a resource that does not exist, so ids cannot be probed.
/// </summary>
public sealed class TenantAccessDeniedHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not TenantAccessDeniedException)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status404NotFound;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "未找到" },
        });
    }
}

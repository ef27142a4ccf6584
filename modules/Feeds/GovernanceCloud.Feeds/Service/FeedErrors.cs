using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Builder;

namespace GovernanceCloud.Feeds.Service;

/// <summary>
/// Errors of the service in the OData error format, with a message and never a stack trace: a
/// path that names no set answers 404 with the sets there are; a query the database cannot run
/// as one statement (on SQLite, a link nested inside a filtered collection) answers 400.
/// </summary>
internal sealed class FeedErrors : IExceptionHandler
{
    public static void MapUnknownSets(IEndpointRouteBuilder endpoints) =>
        endpoints.MapFallback($"{FeedsModule.RoutePrefix}/{{**path}}", (string path) => Results.Json(
            Error("NotFound", $"没有名为“{path.Split('/', '(')[0]}”的数据集。可用的数据集：{string.Join("、", FeedModel.Sets.Keys)}。"),
            statusCode: StatusCodes.Status404NotFound)).AllowAnonymous();

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.Path.StartsWithSegments($"/{FeedsModule.RoutePrefix}") || httpContext.Response.HasStarted || !Untranslatable(exception))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        await httpContext.Response.WriteAsJsonAsync(
            Error("QueryNotSupported", "这个查询无法在数据库中执行：请减少 $expand 的嵌套，或把条件拆成多次查询。"), cancellationToken);
        return true;
    }

    private static bool Untranslatable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is InvalidOperationException && (e.Message.Contains("could not be translated", StringComparison.Ordinal) || e.Message.Contains("SQL APPLY", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static object Error(string code, string message) => new { error = new { code, message } };
}

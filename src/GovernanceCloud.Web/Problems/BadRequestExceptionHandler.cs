using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace GovernanceCloud.Web.Problems;

/// <summary>
/// Turns a request body that cannot be read (malformed JSON, a string where a number belongs, a
/// body over the size limit) into a 4xx ProblemDetails that names the field, instead of a 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        // Not Request.HasFormContentType: after a failed antiforgery check, touching the form feature throws.
        var contentType = httpContext.Request.ContentType ?? "";
        var form = contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase);
        var field = FindJsonError(bad) is { } json ? FieldOf(json.Path) : form ? "form" : "body";
        var message = form && bad.StatusCode != StatusCodes.Status413PayloadTooLarge ? "请求体不是有效的表单。" : Message(bad);
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "请求体过大" : "请求体无法解析",
        };
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static JsonException? FindJsonError(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    // "$.petitioner.phone" -> "petitioner.phone"; the whole body when the path is the root.
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static string Message(BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => "请求体超过大小限制。",
        _ when FindJsonError(bad) is not null => "值的格式或类型不正确。",
        _ => "请求体不是有效的 JSON。",
    };
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.OData;

namespace GovernanceCloud.Web.OData;

/// <summary>
/// <c>[EnableQuery]</c> for our feeds: server paging at <see cref="ODataComposition.MaxPageSize"/>,
/// and a rejected query answers 400 with the reason only; the stock attribute adds the
/// exception's type and stack trace, in every environment.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class FeedQueryAttribute : EnableQueryAttribute
{
    public FeedQueryAttribute()
    {
        PageSize = ODataComposition.MaxPageSize;
        MaxTop = ODataComposition.MaxPageSize;
    }

    public override void OnActionExecuting(ActionExecutingContext actionExecutingContext)
    {
        base.OnActionExecuting(actionExecutingContext);
        actionExecutingContext.Result = Sanitize(actionExecutingContext.Result);
    }

    public override void OnActionExecuted(ActionExecutedContext actionExecutedContext)
    {
        base.OnActionExecuted(actionExecutedContext);
        actionExecutedContext.Result = Sanitize(actionExecutedContext.Result);
    }

    private static IActionResult? Sanitize(IActionResult? result) => result switch
    {
        ObjectResult { StatusCode: 400, Value: ODataError error } =>
            new BadRequestObjectResult(new ODataError { Code = error.Code is { Length: > 0 } code ? code : "InvalidQuery", Message = error.Message }),
        ObjectResult { StatusCode: 400, Value: SerializableError error } =>
            new BadRequestObjectResult(new ODataError { Code = "InvalidQuery", Message = error.TryGetValue("Message", out var m) ? m?.ToString() : "查询无效。" }),
        _ => result,
    };
}

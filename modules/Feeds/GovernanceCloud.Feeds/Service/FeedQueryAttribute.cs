using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.OData;

namespace GovernanceCloud.Feeds.Service;

/// <summary>
/// <c>[EnableQuery]</c> for the feeds: server paging at <see cref="FeedLimits.PageSize"/>, the
/// limits that refuse an expensive query with 400 before it reaches the database, and a rejected
/// query answers with the reason only (the stock attribute adds the exception's type and stack
/// trace, in every environment).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
internal sealed class FeedQueryAttribute : EnableQueryAttribute
{
    public FeedQueryAttribute()
    {
        PageSize = FeedLimits.PageSize;
        MaxTop = FeedLimits.PageSize;
        MaxExpansionDepth = FeedLimits.MaxExpansionDepth;
        MaxNodeCount = FeedLimits.MaxNodeCount;
        MaxAnyAllExpressionDepth = FeedLimits.MaxAnyAllDepth;
        MaxOrderByNodeCount = FeedLimits.MaxOrderBy;
        AllowedQueryOptions = AllowedQueryOptions.Supported | AllowedQueryOptions.DeltaToken; // the controller answers $deltatoken itself
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

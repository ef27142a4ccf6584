using System.Security.Claims;
using GovernanceCloud.BaseData.Contracts;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Web.Access;
using GovernanceCloud.Web.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GovernanceCloud.BaseData.Api;

/// <summary>
/// <c>GET /api/v1/addresses/resolve</c>: the district gazetteer for callers. A town's caller learns
/// the grid and community only inside its own town; for an address elsewhere it learns just which
/// town it belongs to, enough to pass the matter on.
/// </summary>
internal static class AddressEndpoints
{
    private const int MaxAddressLength = 200;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/addresses/resolve", ResolveAsync)
            .WithTags("BaseData")
            .WithSummary("把地址解析到镇（街道）、网格和小区")
            .RequireAuthorization(GovernancePolicies.Feeds);

    private static async Task<Results<Ok<AddressResolution>, ValidationProblem>> ResolveAsync(
        string? address, double? lat, double? lng, ClaimsPrincipal caller, IAddressResolver resolver, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(address) && lat is null)
        {
            errors.Add("address", "地址和坐标至少提供一项。");
        }
        else if (address?.Length > MaxAddressLength)
        {
            errors.Add("address", $"不能超过 {MaxAddressLength} 个字符。");
        }

        if ((lat is null) != (lng is null))
        {
            errors.Add(lat is null ? "lat" : "lng", "纬度和经度须同时提供。");
        }
        else if (lat is < -90 or > 90 || lng is < -180 or > 180)
        {
            errors.Add("lat", "坐标超出范围。");
        }

        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var tenant = caller.Tenant()!.Value;
        var location = lat is { } la && lng is { } ln ? new GeoPoint(la, ln) : (GeoPoint?)null;
        var resolution = await resolver.ResolveAsync(tenant.District, address, location, cancellationToken);
        if (tenant.Kind == TenantKind.Town && resolution.TownId is { } town && town != tenant.Value)
        {
            resolution = new AddressResolution { TownId = town, Method = ResolutionMethod.TownName, Confidence = resolution.Confidence };
        }

        return TypedResults.Ok(resolution);
    }
}

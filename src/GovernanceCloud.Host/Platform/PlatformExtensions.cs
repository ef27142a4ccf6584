using System.Text.Json.Serialization;
using GovernanceCloud.Identity;
using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Persistence.Hosting;
using GovernanceCloud.Persistence.Privacy;
using GovernanceCloud.Web.Problems;
using GovernanceCloud.Web.Tenancy;
using GovernanceCloud.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Orleans.Dashboard;
using Scalar.AspNetCore;

namespace GovernanceCloud.Host.Platform;

/// <summary>Everything the host needs besides the modules: storage, silo, telemetry, health, API docs, errors.</summary>
internal static class PlatformExtensions
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var storage = StorageSettings.From(builder.Configuration);
        var cluster = ClusterSettings.From(builder.Configuration);

        builder.AddGovernanceNode(storage, cluster, silo =>
        {
            silo.AddActivityPropagation();
            // Its grain and silo statistics every 5 s, not every second: each round asks every silo.
            silo.AddDashboard(dashboard => dashboard.CounterUpdateIntervalMs = 5_000);
        });

        builder.Services.AddPersonalData(builder.Configuration);
        builder.AddTelemetry();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<TenantAccessDeniedHandler>();
        // Always throw on unreadable bodies so BadRequestExceptionHandler answers, in every environment.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Enums travel as their names ("CommunityName", "Blue"), never as numbers.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenApi();
        builder.Services.AddPlatformHealthChecks();
        return builder;
    }

    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseTelemetry();
        app.UseGovernanceIdentity();
        app.UseEdgeTenant();
        app.MapPlatformHealthChecks();
        app.MapGovernanceIdentity();
        app.MapOpenApi().RequireAuthorization(GovernancePolicies.SignedIn);
        app.MapScalarApiReference().RequireAuthorization(GovernancePolicies.SignedIn);
        app.MapControllers().Add(ODataMetadataIsPublic);
        app.MapOrleansDashboard(routePrefix: "/dashboard").RequireAuthorization(GovernancePolicies.Console);
        return app;
    }

    // The OData service document and $metadata describe the feeds, not their rows: integrators
    // and BI tools read them before they have a token.
    private static void ODataMetadataIsPublic(EndpointBuilder endpoint)
    {
        if (endpoint.Metadata.OfType<ControllerActionDescriptor>().Any(a => a.ControllerTypeInfo.AsType() == typeof(MetadataController)))
        {
            endpoint.Metadata.Add(new AllowAnonymousAttribute());
        }
    }
}

using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Persistence.Hosting;
using GovernanceCloud.Web.OData;
using GovernanceCloud.Web.Problems;
using GovernanceCloud.Web.Tenancy;
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
            silo.AddDashboard();
        });

        builder.AddTelemetry();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Always throw on unreadable bodies so BadRequestExceptionHandler answers, in every environment.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi();
        builder.Services.AddGovernanceOData();
        builder.Services.AddPlatformHealthChecks();
        return builder;
    }

    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseEdgeTenant();
        app.MapPlatformHealthChecks();
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapControllers();
        app.MapOrleansDashboard(routePrefix: "/dashboard");
        return app;
    }
}

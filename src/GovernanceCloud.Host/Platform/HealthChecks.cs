using System.Text.Json;
using GovernanceCloud.Persistence.Schema;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace GovernanceCloud.Host.Platform;

/// <summary>
/// <c>/health/live</c> answers while the process runs; <c>/health/ready</c> only when the silo is
/// active and the database answers with the schema this build expects.
/// </summary>
internal static class HealthChecks
{
    private const string Ready = "ready";

    public static IServiceCollection AddPlatformHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<SiloActiveCheck>("silo", tags: [Ready])
            .AddCheck<DatabaseSchemaCheck>("database", tags: [Ready]);
        return services;
    }

    public static WebApplication MapPlatformHealthChecks(this WebApplication app)
    {
        // Probes (load balancers, orchestrators) carry no token.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = WriteReportAsync,
        }).AllowAnonymous();
        return app;
    }

    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), detail = e.Value.Description }),
        });
    }

    private sealed class SiloActiveCheck(ISiloStatusOracle silo) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(silo.CurrentStatus == SiloStatus.Active
                ? HealthCheckResult.Healthy("active")
                : HealthCheckResult.Unhealthy(silo.CurrentStatus.ToString()));
    }

    private sealed class DatabaseSchemaCheck(DatabaseMigrator migrator) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var status = await migrator.CheckAsync(cancellationToken);
            return status is { Reachable: true, Current: true }
                ? HealthCheckResult.Healthy(status.Detail)
                : HealthCheckResult.Unhealthy(status.Detail);
        }
    }
}

using System.Net;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GovernanceCloud.Host.Platform;

/// <summary>
/// Logs, metrics and traces through OpenTelemetry: ASP.NET Core, the .NET runtime and Orleans'
/// own meters and activity sources. Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set;
/// with <c>Telemetry:Prometheus=true</c>, metrics are also served for scraping at <c>/metrics</c>,
/// to callers on the same machine only (an agent beside the host, the benchmarks).
/// </summary>
internal static class Telemetry
{
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var otel = builder.Services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService("GovernanceCloud"));
        var prometheus = Prometheus(builder.Configuration);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        // Metrics and traces only where something reads them: a meter listened to records every
        // grain activation and storage call (3-4% of intake's CPU), an activity listener makes
        // every request and grain call create one, whether or not anybody collects them.
        if (prometheus || otlp)
        {
            otel.WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.Orleans", "GovernanceCloud.*")
                .If(prometheus, m => m.AddPrometheusExporter()));
        }

        if (otlp)
        {
            otel.WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation()
                    .AddSource("Microsoft.Orleans.Runtime")
                    .AddSource("Microsoft.Orleans.Application"))
                .UseOtlpExporter();
        }

        return builder;
    }

    public static WebApplication UseTelemetry(this WebApplication app)
    {
        if (Prometheus(app.Configuration))
        {
            // No token on this door, so it answers the loopback only; anything else falls through to a 404.
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
                context.Request.Path == "/metrics" && context.Connection.RemoteIpAddress is { } caller && IPAddress.IsLoopback(caller));
        }

        return app;
    }

    private static bool Prometheus(IConfiguration configuration) => configuration.GetValue<bool>("Telemetry:Prometheus");

    private static MeterProviderBuilder If(this MeterProviderBuilder metrics, bool condition, Action<MeterProviderBuilder> configure)
    {
        if (condition)
        {
            configure(metrics);
        }

        return metrics;
    }
}

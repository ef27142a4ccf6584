using GovernanceCloud.Correlation.Api;
using GovernanceCloud.Correlation.Index;
using GovernanceCloud.Correlation.ReadModel;
using GovernanceCloud.Correlation.Sheets;
using GovernanceCloud.Correlation.Text;
using GovernanceCloud.Kernel.Time;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovernanceCloud.Correlation;

/// <summary>The correlation module: matters, the six scenarios, warnings.</summary>
public static class CorrelationModule
{
    public static IServiceCollection AddCorrelation(this IServiceCollection services)
    {
        services.TryAddSingleton(GovernanceClock.System);
        services.AddSingleton<DistrictPlaces>();
        services.AddSingleton<CorrelationPolicy>();
        services.AddSingleton<MatterIndexStore>();
        services.AddSingleton<IReadModelContribution, CorrelationReadModel>();
        return services;
    }

    public static IEndpointRouteBuilder MapCorrelation(this IEndpointRouteBuilder endpoints)
    {
        WarningEndpoints.Map(endpoints);
        PromptSheetEndpoints.Map(endpoints);
        NotificationEndpoints.Map(endpoints);
        CorrelationSettingsEndpoints.Map(endpoints);
        WhatIfEndpoints.Map(endpoints);
        return endpoints;
    }
}

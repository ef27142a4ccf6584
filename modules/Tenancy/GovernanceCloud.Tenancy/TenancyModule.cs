using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Tenancy.Api;
using GovernanceCloud.Tenancy.ReadModel;
using GovernanceCloud.Tenancy.Seed;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GovernanceCloud.Tenancy;

/// <summary>The tenancy module: districts, town centers, the tenant store and the demo seed.</summary>
public static class TenancyModule
{
    /// <summary>Registers the module's services. <paramref name="seedOnStart"/> adds the demo seed at start-up.</summary>
    public static IServiceCollection AddTenancy(this IServiceCollection services, bool seedOnStart = true)
    {
        services.AddSingleton<IReadModelContribution, TenancyReadModel>();
        services.AddSingleton<ITenantStore, ReadModelTenantStore>();
        if (seedOnStart)
        {
            services.AddHostedService<DemoSeedService>();
        }

        return services;
    }

    /// <summary>Maps the module's JSON API.</summary>
    public static IEndpointRouteBuilder MapTenancy(this IEndpointRouteBuilder endpoints)
    {
        TownEndpoints.Map(endpoints);
        return endpoints;
    }
}

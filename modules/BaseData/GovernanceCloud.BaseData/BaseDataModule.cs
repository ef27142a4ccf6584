using GovernanceCloud.BaseData.Api;
using GovernanceCloud.BaseData.Contracts;
using GovernanceCloud.BaseData.Gazetteer;
using GovernanceCloud.BaseData.Import;
using GovernanceCloud.BaseData.ReadModel;
using GovernanceCloud.BaseData.Seed;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovernanceCloud.BaseData;

/// <summary>The base-data module (数据底座): grids, communities, the gazetteer, and later people, houses and businesses.</summary>
public static class BaseDataModule
{
    /// <summary>Registers the module's services. <paramref name="seedOnStart"/> adds the demo seed (after the tenancy seed).</summary>
    public static IServiceCollection AddBaseData(this IServiceCollection services, bool seedOnStart = true)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IReadModelContribution, BaseDataReadModel>();
        services.AddSingleton<GazetteerService>();
        services.AddSingleton<IAddressResolver>(sp => sp.GetRequiredService<GazetteerService>());
        services.AddSingleton<BaseDataImporter>();
        services.AddSingleton<GridCounts>();
        if (seedOnStart)
        {
            services.AddHostedService<BaseDataSeedService>();
        }

        services.AddHostedService<GridCountsStartup>();

        return services;
    }

    /// <summary>Maps the module's JSON API.</summary>
    public static IEndpointRouteBuilder MapBaseData(this IEndpointRouteBuilder endpoints)
    {
        AddressEndpoints.Map(endpoints);
        ImportEndpoints.Map(endpoints);
        ResidentEndpoints.Map(endpoints);
        return endpoints;
    }

    /// <summary>
    /// Imports a base-data file for <paramref name="town"/> (the CLI's door; the HTTP one is
    /// <c>POST /api/v1/towns/{townId}/basedata/{kind}</c>). Grid counts follow at the host's next start.
    /// </summary>
    public static Task<ImportReport> ImportAsync(
        IServiceProvider services, TenantId town, ImportKind kind, Stream content, string fileName,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<BaseDataImporter>().ImportAsync(town, kind, content, fileName, progress, cancellationToken);
}

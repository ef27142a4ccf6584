using GovernanceCloud.Feeds.Data;
using GovernanceCloud.Feeds.Export;
using GovernanceCloud.Feeds.Open311;
using GovernanceCloud.Feeds.Overlay;
using GovernanceCloud.Feeds.Service;
using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.AspNetCore.OData;
using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GovernanceCloud.Feeds;

/// <summary>
/// The feeds module: the one OData service at <c>/odata</c> over the read model, with incremental
/// sync; the district overlay; Open311; and exports for staff who live in spreadsheets.
/// </summary>
public static class FeedsModule
{
    public const string RoutePrefix = "odata";

    public static IServiceCollection AddFeeds(this IServiceCollection services)
    {
        services.AddExceptionHandler<FeedErrors>();
        services.AddSingleton<Open311Keys>();
        services.AddDbContext<FeedDbContext>((provider, options) =>
        {
            var storage = provider.GetRequiredService<StorageSettings>();
            ReadModelFactory.UseDatabase(options, storage);
            if (storage.Mode == StorageMode.Embedded)
            {
                // Only SQLite's SQL has the constants in its GROUP BY, and only SQLite accepts it without them.
                options.AddInterceptors(new ConstantGroupingInterceptor());
            }
        });
        services.AddControllers()
            .AddApplicationPart(typeof(FeedsModule).Assembly)
            .AddOData(options => options
                .AddRouteComponents(RoutePrefix, FeedModel.Build(), feed => feed.AddSingleton<ISearchBinder, FeedSearchBinder>())
                .Select().Filter().OrderBy().Count().Expand().SetMaxTop(FeedLimits.PageSize));
        return services;
    }

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        FeedErrors.MapUnknownSets(endpoints);
        OverlayEndpoints.Map(endpoints);
        ExportEndpoints.Map(endpoints);
        Open311Endpoints.Map(endpoints);
        return endpoints;
    }
}

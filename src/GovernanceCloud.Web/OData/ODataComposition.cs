using Microsoft.AspNetCore.OData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OData.ModelBuilder;

namespace GovernanceCloud.Web.OData;

/// <summary>Composes the OData service at <c>/odata</c> from every module's contribution.</summary>
public static class ODataComposition
{
    public const string RoutePrefix = "odata";

    /// <summary>The largest page a client may ask for, and the server's page size.</summary>
    public const int MaxPageSize = 1000;

    public static IServiceCollection AddGovernanceOData(this IServiceCollection services)
    {
        services.AddControllers().AddOData();
        services.AddOptions<ODataOptions>().Configure<IEnumerable<IODataModelContribution>>((options, contributions) =>
        {
            var builder = new ODataConventionModelBuilder { Namespace = "GovernanceCloud", ContainerName = "GovernanceCloud" };
            foreach (var contribution in contributions)
            {
                contribution.Build(builder);
            }

            options.AddRouteComponents(RoutePrefix, builder.GetEdmModel());
            options.Select().Filter().OrderBy().Count().Expand().SetMaxTop(MaxPageSize);
        });
        return services;
    }
}

using GovernanceCloud.Cases.Api;
using GovernanceCloud.Cases.Contracts;
using GovernanceCloud.Cases.Grains;
using GovernanceCloud.Cases.ReadModel;
using GovernanceCloud.Cases.Workflow;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovernanceCloud.Cases;

/// <summary>The cases module: the case workflow, deadlines on the working calendar, overdue flags, the timeline.</summary>
public static class CasesModule
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IReadModelContribution, CasesReadModel>();
        services.AddSingleton<CasePolicy>();
        services.AddSingleton<INewCaseRows, CaseRows>();
        return services;
    }

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder endpoints)
    {
        CaseEndpoints.Map(endpoints);
        return endpoints;
    }
}

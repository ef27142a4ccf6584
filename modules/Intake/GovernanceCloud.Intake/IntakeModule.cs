using GovernanceCloud.Intake.Api;
using GovernanceCloud.Intake.Archive;
using GovernanceCloud.Intake.Contracts;
using GovernanceCloud.Intake.Channels;
using GovernanceCloud.Intake.Grains;
using GovernanceCloud.Intake.Journal;
using GovernanceCloud.Intake.ReadModel;
using GovernanceCloud.Intake.Seed;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovernanceCloud.Intake;

/// <summary>The intake module (社情民意一件事): channels, the complaint pool, petitioner histories and the triage queue.</summary>
public static class IntakeModule
{
    public static IServiceCollection AddIntake(this IServiceCollection services, bool seedOnStart = true)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IReadModelContribution, IntakeReadModel>();
        services.AddSingleton<ChannelCatalog>();
        services.AddSingleton<ComplaintNormalizer>();
        services.AddSingleton<IComplaintIntake, ComplaintIntake>();
        services.AddSingleton<IComplaintArchive, ComplaintArchive>();
        services.AddSingleton<IntakeSwitches>();
        services.AddSingleton<IPetitionerHistories, PetitionerHistories>();
        services.AddSingleton<IntakeJournal>();
        if (seedOnStart)
        {
            services.AddHostedService<IntakeSeedService>();
        }

        return services;
    }

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder endpoints)
    {
        ComplaintEndpoints.Map(endpoints);
        TriageEndpoints.Map(endpoints);
        return endpoints;
    }
}

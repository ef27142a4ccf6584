using GovernanceCloud.BaseData;
using GovernanceCloud.Cases;
using GovernanceCloud.Correlation;
using GovernanceCloud.Feeds;
using GovernanceCloud.Host.Platform;
using GovernanceCloud.Identity;
using GovernanceCloud.Intake;
using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Tenancy;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddPlatform();
    builder.Services.AddTenancy(seedOnStart: true);
    builder.Services.AddBaseData(seedOnStart: true);
    builder.Services.AddIntake(seedOnStart: true);
    builder.Services.AddCases();
    builder.Services.AddCorrelation();
    builder.Services.AddFeeds();
    // After the tenancy module: its demo seed creates the towns the identity seed binds people to.
    builder.AddGovernanceIdentity();

    var app = builder.Build();
    app.MapPlatform();
    app.MapTenancy();
    app.MapBaseData();
    app.MapIntake();
    app.MapCases();
    app.MapCorrelation();
    app.MapFeeds();
    await app.RunAsync();
    return 0;
}
catch (GovernanceConfigurationException ex)
{
    // One line that names the setting; a stack trace would bury it.
    await Console.Error.WriteLineAsync($"GovernanceCloud cannot start: {ex.Message}");
    return 2;
}

/// <summary>The host's entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;

using Microsoft.AspNetCore.Builder;

namespace GovernanceCloud.Bench;

/// <summary>
/// The baseline for start-up: the smallest ASP.NET Core app that answers one request, started
/// the same way (a fresh <c>dotnet</c> process) on the same machine in the same run.
/// </summary>
internal static class BaselineServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var app = builder.Build();
        app.MapGet("/health/ready", () => "ok");
        await app.RunAsync();
        return 0;
    }
}

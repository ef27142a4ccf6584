using GovernanceCloud.BaseData.Import;
using GovernanceCloud.BaseData.ReadModel;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.BaseData.Seed;

/// <summary>
/// After start-up, recounts every town's grids: files imported by the CLI (which runs no silo) reach
/// the Grids feed this way. A grid whose counts did not change is not written.
/// </summary>
internal sealed partial class GridCountsStartup(
    ReadModelFactory readModel, GridCounts counts, IHostApplicationLifetime lifetime, ILogger<GridCountsStartup> logger) : IHostedService
{
    private Task _work = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _work = Task.Run(RefreshAllAsync, CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _work.WaitAsync(cancellationToken);

    private async Task RefreshAllAsync()
    {
        try
        {
            List<string> towns;
            await using (var db = readModel.Create())
            {
                towns = await db.Set<GridRow>().IgnoreQueryFilters().Select(g => g.TownId!).Distinct().ToListAsync(lifetime.ApplicationStopping);
            }

            foreach (var town in towns)
            {
                await counts.RefreshAsync(TenantId.Parse(town), lifetime.ApplicationStopping);
            }
        }
        catch (OperationCanceledException)
        {
            // stopping; the next start recounts
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recounting the grids after start-up failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

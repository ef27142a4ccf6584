using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.Persistence.ReadModel;

/// <summary>
/// Keeps one grain's read-model row in step with its state. The grain writes its state first and
/// then hands the row here, or hands both at once (<see cref="SaveAsync"/>); if the database
/// refuses the row, it is retried on a grain timer with back-off until it lands. A crash between the two writes heals on the next activation, when
/// the grain projects its current state again (a no-op if the row is already that version).
/// </summary>
public sealed partial class ReadModelProjection<TRow>(IGrainBase grain, IProjectionWriter writer, ILogger logger)
    where TRow : class, IVersionedRow
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    private TRow? _pending;
    private IGrainTimer? _retry;
    private int _failures;

    /// <summary>Whether the latest row has landed (no retry is waiting).</summary>
    public bool IsSettled => _pending is null;

    /// <summary>
    /// Writes the grain's state (<paramref name="writeState"/>), then its row: in the same commit
    /// where the storage allows it, else right after as <see cref="ProjectAsync"/>.
    /// </summary>
    public async Task SaveAsync(Func<Task> writeState, TRow row)
    {
        if (!await writer.UpsertWithStateAsync(row, writeState))
        {
            await ProjectAsync(row);
            return;
        }

        Landed();
    }

    /// <summary>
    /// The grain's latest row landed along with its state (and other rows, in one commit): it is
    /// newer than any row still waiting for a retry, which is dropped.
    /// </summary>
    public void Landed()
    {
        _pending = null;
        Settle();
    }

    /// <summary>Projects <paramref name="row"/> now, or schedules retries if that fails.</summary>
    public Task ProjectAsync(TRow row)
    {
        _pending = row;
        return FlushAsync(CancellationToken.None);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var row = _pending;
        if (row is null)
        {
            return;
        }

        try
        {
            await writer.UpsertAsync(row, cancellationToken);
            if (ReferenceEquals(row, _pending))
            {
                _pending = null;
            }

            Settle();
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            _failures++;
            var delay = TimeSpan.FromTicks(Math.Min(LastRetry.Ticks, FirstRetry.Ticks << Math.Min(_failures - 1, 10)));
            LogProjectionFailed(logger, ex, typeof(TRow).Name, row.Version, _failures, delay);
            if (_retry is null)
            {
                _retry = grain.RegisterGrainTimer(FlushAsync, delay, delay);
            }
            else
            {
                _retry.Change(delay, delay);
            }
        }
    }

    private void Settle()
    {
        _failures = 0;
        _retry?.Dispose();
        _retry = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Projection of {RowType} v{Version} failed ({Failures}x); retrying in {Delay}.")]
    private static partial void LogProjectionFailed(ILogger logger, Exception exception, string rowType, long version, int failures, TimeSpan delay);
}

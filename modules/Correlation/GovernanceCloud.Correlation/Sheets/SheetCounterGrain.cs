using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Hosting;
using Orleans.Concurrency;

namespace GovernanceCloud.Correlation.Sheets;

/// <summary>
/// The running number of a district's prompt sheets in one year. Numbers are reserved on disk
/// <see cref="SheetCounterGrain.Reserve"/> at a time before any of them is handed out, so none is
/// given twice, and a warning opened by a batch of complaints does not wait for a write of the
/// counter before its own. Deactivating gives the unused ones back; a crash skips them, as a number
/// handed to a warning that then failed is skipped.
/// </summary>
[Alias("gc.sheet-counter")]
internal interface ISheetCounterGrain : ITenantGrain
{
    [Alias("next")]
    Task<long> Next();
}

internal sealed class SheetCounterState
{
    /// <summary>The last number reserved: every number handed out is at most this.</summary>
    public long Last { get; set; }
}

[GrainType("sheet-counter")]
[Reentrant]
internal sealed class SheetCounterGrain(
    [PersistentState("sheet-counter", GovernanceSilo.StorageName)] IPersistentState<SheetCounterState> state) : Grain, ISheetCounterGrain
{
    /// <summary>How many numbers one write reserves.</summary>
    public const int Reserve = 32;

    // The last number handed out or promised to a request waiting for a reservation, and the last reserved on disk.
    private long _issued;
    private long _reserved;
    private Task? _writing;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _issued = _reserved = state.State.Last;
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_writing is { } writing)
        {
            await writing;
        }

        if (_issued < _reserved)
        {
            await WriteAsync(_issued);
        }
    }

    public async Task<long> Next()
    {
        var number = ++_issued;
        while (_reserved < number)
        {
            // Every number promised so far, and the next ones, in one write.
            var writing = _writing ??= WriteAsync(_issued + Reserve);
            try
            {
                await writing;
            }
            finally
            {
                if (ReferenceEquals(_writing, writing))
                {
                    _writing = null;
                }
            }
        }

        return number;
    }

    private async Task WriteAsync(long upTo)
    {
        state.State.Last = upTo;
        await state.WriteStateAsync();
        _reserved = upTo;
    }
}

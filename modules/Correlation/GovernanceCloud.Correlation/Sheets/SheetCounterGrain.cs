using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Hosting;
using Orleans.Concurrency;

namespace GovernanceCloud.Correlation.Sheets;

/// <summary>
/// The running number of a district's prompt sheets in one year. A number is written before it
/// is handed out, so none is given twice; one handed to a warning that then failed is skipped.
/// Warnings opened by one batch of complaints ask at once: each request waits for the write in
/// flight, and those that came during it share the next, so a burst of requests costs two writes,
/// not one after another for each.
/// </summary>
[Alias("gc.sheet-counter")]
internal interface ISheetCounterGrain : ITenantGrain
{
    [Alias("next")]
    Task<long> Next();
}

internal sealed class SheetCounterState
{
    public long Last { get; set; }
}

[GrainType("sheet-counter")]
[Reentrant]
internal sealed class SheetCounterGrain(
    [PersistentState("sheet-counter", GovernanceSilo.StorageName)] IPersistentState<SheetCounterState> state) : Grain, ISheetCounterGrain
{
    // The last number handed out or promised to a request waiting for its write, and the last on disk.
    private long _issued;
    private long _written;
    private Task? _writing;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _issued = _written = state.State.Last;
        return Task.CompletedTask;
    }

    public async Task<long> Next()
    {
        var number = ++_issued;
        while (_written < number)
        {
            var writing = _writing ??= WriteAsync();
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

    // Every number promised so far, in one write.
    private async Task WriteAsync()
    {
        var upTo = _issued;
        state.State.Last = upTo;
        await state.WriteStateAsync();
        _written = upTo;
    }
}

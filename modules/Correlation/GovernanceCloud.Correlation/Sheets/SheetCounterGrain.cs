using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Hosting;

namespace GovernanceCloud.Correlation.Sheets;

/// <summary>
/// The running number of a district's prompt sheets in one year. A number is written before it
/// is handed out, so none is given twice; one handed to a warning that then failed is skipped.
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
internal sealed class SheetCounterGrain(
    [PersistentState("sheet-counter", GovernanceSilo.StorageName)] IPersistentState<SheetCounterState> state) : Grain, ISheetCounterGrain
{
    public async Task<long> Next()
    {
        state.State.Last++;
        await state.WriteStateAsync();
        return state.State.Last;
    }
}

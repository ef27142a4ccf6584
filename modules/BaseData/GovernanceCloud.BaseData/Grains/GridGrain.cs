using GovernanceCloud.BaseData.Contracts;
using GovernanceCloud.BaseData.ReadModel;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Hosting;
using GovernanceCloud.Persistence.ReadModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.BaseData.Grains;

[GrainType("grid")]
internal sealed class GridGrain(
    [PersistentState("grid", GovernanceSilo.StorageName)] IPersistentState<GridState> state,
    IProjectionWriter writer,
    ReadModelFactory readModel,
    TimeProvider clock,
    ILogger<GridGrain> logger) : Grain, IGridGrain
{
    private ReadModelProjection<GridRow> _projection = null!;

    private TenantId Town => TenantGrainKey.TenantOf(this.GetPrimaryKeyString());

    private string Code => TenantGrainKey.LocalIdOf(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _projection = new ReadModelProjection<GridRow>(this, writer, logger);
        if (state.State.Registered)
        {
            await _projection.ProjectAsync(ToRow());
        }
    }

    public Task<GridProfile?> GetProfile() => Task.FromResult(state.State.Registered ? ToProfile() : null);

    public async Task<GridProfile> Register(GridRegistration registration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.Name);
        var s = state.State;
        if (s.Registered && s.Name == registration.Name && s.GridWorker == registration.GridWorker && s.Polygon == registration.Polygon)
        {
            return ToProfile(); // the same registration again changes nothing
        }

        s.Registered = true;
        s.Name = registration.Name;
        s.GridWorker = registration.GridWorker;
        s.Polygon = registration.Polygon;
        await SaveAsync();
        return ToProfile();
    }

    public async Task<GridProfile?> AdjustCounters(int openCases, int openWarnings)
    {
        if (!state.State.Registered)
        {
            return null;
        }

        state.State.OpenCases = Math.Max(0, state.State.OpenCases + openCases);
        state.State.OpenWarnings = Math.Max(0, state.State.OpenWarnings + openWarnings);
        await SaveAsync();
        return ToProfile();
    }

    public async Task<GridProfile?> RecountPopulation()
    {
        var s = state.State;
        if (!s.Registered)
        {
            return null;
        }

        var id = BaseDataGrains.GridId(Town, Code);
        GridPopulation population;
        await using (var db = readModel.Create())
        {
            population = new GridPopulation(
                await db.Set<PersonRow>().IgnoreQueryFilters().CountAsync(p => p.TownId == Town.Value && p.GridId == id),
                await db.Set<HouseRow>().IgnoreQueryFilters().CountAsync(h => h.TownId == Town.Value && h.GridId == id),
                await db.Set<BusinessRow>().IgnoreQueryFilters().CountAsync(b => b.TownId == Town.Value && b.GridId == id));
        }

        if ((s.People, s.Houses, s.Businesses) != (population.People, population.Houses, population.Businesses))
        {
            (s.People, s.Houses, s.Businesses) = (population.People, population.Houses, population.Businesses);
            await SaveAsync();
        }

        return ToProfile();
    }

    private async Task SaveAsync()
    {
        state.State.Version++;
        state.State.UpdatedAt = clock.GetUtcNow();
        await _projection.SaveAsync(state.WriteStateAsync, ToRow());
    }

    private GridProfile ToProfile() => new()
    {
        Town = Town,
        Code = Code,
        Name = state.State.Name,
        GridWorker = state.State.GridWorker,
        Polygon = state.State.Polygon,
        OpenCases = state.State.OpenCases,
        OpenWarnings = state.State.OpenWarnings,
        Version = state.State.Version,
        Population = new GridPopulation(state.State.People, state.State.Houses, state.State.Businesses),
    };

    private GridRow ToRow() => new()
    {
        Id = BaseDataGrains.GridId(Town, Code),
        DistrictId = Town.District.Value,
        TownId = Town.Value,
        Code = Code,
        Name = state.State.Name,
        GridWorker = state.State.GridWorker,
        Polygon = state.State.Polygon,
        OpenCases = state.State.OpenCases,
        OpenWarnings = state.State.OpenWarnings,
        PeopleCount = state.State.People,
        HouseCount = state.State.Houses,
        BusinessCount = state.State.Businesses,
        Version = state.State.Version,
        UpdatedAt = state.State.UpdatedAt,
    };
}

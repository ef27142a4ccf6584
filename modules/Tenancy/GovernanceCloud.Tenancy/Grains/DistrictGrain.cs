using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Hosting;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Tenancy.Contracts;
using GovernanceCloud.Tenancy.ReadModel;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.Tenancy.Grains;

[GrainType("district")]
internal sealed class DistrictGrain(
    [PersistentState("district", GovernanceSilo.StorageName)] IPersistentState<DistrictState> state,
    IProjectionWriter writer,
    ILogger<DistrictGrain> logger) : Grain, IDistrictGrain
{
    private ReadModelProjection<DistrictRow> _projection = null!;

    private TenantId District => TenantGrainKey.TenantOf(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _projection = new ReadModelProjection<DistrictRow>(this, writer, logger);
        if (state.State.Registered)
        {
            await _projection.ProjectAsync(ToRow());
        }
    }

    public Task<DistrictProfile?> GetProfile() => Task.FromResult(state.State.Registered ? ToProfile() : null);

    public async Task<DistrictProfile> Register(string name, string code)
    {
        if (!state.State.Registered)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
            state.State.Registered = true;
            state.State.Name = name;
            state.State.Code = code;
            await SaveAsync();
        }

        return ToProfile();
    }

    public async Task<DistrictProfile> AddTown(TenantId town)
    {
        if (!state.State.Registered)
        {
            throw new InvalidOperationException($"District '{District}' is not registered.");
        }

        if (town.Kind != TenantKind.Town || town.District != District)
        {
            throw new ArgumentException($"'{town}' is not a town of '{District}'.", nameof(town));
        }

        if (!state.State.Towns.Contains(town.Value))
        {
            state.State.Towns.Add(town.Value);
            await SaveAsync();
        }

        return ToProfile();
    }

    private async Task SaveAsync()
    {
        state.State.Version++;
        await _projection.SaveAsync(state.WriteStateAsync, ToRow());
    }

    private DistrictProfile ToProfile() => new()
    {
        Id = District,
        Name = state.State.Name,
        Code = state.State.Code,
        Towns = state.State.Towns.Select(TenantId.Parse).ToArray(),
        Version = state.State.Version,
    };

    private DistrictRow ToRow() => new()
    {
        Id = District.Value,
        Name = state.State.Name,
        Code = state.State.Code,
        TownCount = state.State.Towns.Count,
        Version = state.State.Version,
    };
}

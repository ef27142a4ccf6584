using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Persistence.Hosting;
using GovernanceCloud.Persistence.ReadModel;
using GovernanceCloud.Tenancy.Contracts;
using GovernanceCloud.Tenancy.ReadModel;
using Microsoft.Extensions.Logging;

namespace GovernanceCloud.Tenancy.Grains;

[GrainType("town-center")]
internal sealed class TownCenterGrain(
    [PersistentState("town-center", GovernanceSilo.StorageName)] IPersistentState<TownCenterState> state,
    IProjectionWriter writer,
    TimeProvider clock,
    ILogger<TownCenterGrain> logger) : Grain, ITownCenterGrain
{
    private ReadModelProjection<TownRow> _projection = null!;

    private TenantId Town => TenantGrainKey.TenantOf(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _projection = new ReadModelProjection<TownRow>(this, writer, logger);
        if (state.State.Registered)
        {
            await _projection.ProjectAsync(ToRow());
        }
    }

    public Task<TownCenterProfile?> GetProfile() => Task.FromResult(state.State.Registered ? ToProfile() : null);

    public async Task<TownCenterProfile> Register(TownCenterRegistration registration)
    {
        if (state.State.Registered)
        {
            return ToProfile();
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(registration.Name);
        state.State.Registered = true;
        state.State.Name = registration.Name;
        state.State.Code = registration.Code;
        await ApplyAsync(registration.Details);
        return ToProfile();
    }

    public async Task<TownCenterProfile?> UpdateDetails(TownCenterDetails details)
    {
        if (!state.State.Registered)
        {
            return null;
        }

        await ApplyAsync(details);
        return ToProfile();
    }

    private async Task ApplyAsync(TownCenterDetails details)
    {
        if (!TownCenterRules.IsValid(details))
        {
            throw new ArgumentException("Town center details are outside their limits.", nameof(details));
        }

        var s = state.State;
        s.Address = details.Address.Trim();
        s.WorkingHours = details.WorkingHours.Trim();
        s.Phone = details.Phone.Trim();
        s.Staffing = details.Staffing;
        s.Version++;
        s.UpdatedAt = clock.GetUtcNow();
        await _projection.SaveAsync(state.WriteStateAsync, ToRow());
    }

    private TownCenterProfile ToProfile() => new()
    {
        Id = Town,
        Name = state.State.Name,
        Code = state.State.Code,
        Address = state.State.Address,
        WorkingHours = state.State.WorkingHours,
        Phone = state.State.Phone,
        Staffing = state.State.Staffing,
        Version = state.State.Version,
        UpdatedAt = state.State.UpdatedAt,
    };

    private TownRow ToRow() => new()
    {
        Id = Town.Value,
        TownId = Town.Value,
        DistrictId = Town.District.Value,
        Name = state.State.Name,
        Code = state.State.Code,
        Address = state.State.Address,
        WorkingHours = state.State.WorkingHours,
        Phone = state.State.Phone,
        Staffing = state.State.Staffing,
        UpdatedAt = state.State.UpdatedAt,
        Version = state.State.Version,
    };
}

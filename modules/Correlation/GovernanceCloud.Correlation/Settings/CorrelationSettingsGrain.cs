using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Kernel.Time;
using GovernanceCloud.Persistence.Hosting;

namespace GovernanceCloud.Correlation.Settings;

/// <summary>A district's correlation settings, versioned: every change keeps who made it, when, and the settings before.</summary>
[Alias("gc.correlation-settings")]
internal interface ICorrelationSettingsGrain : ITenantGrain
{
    [Alias("get")]
    Task<SettingsVersion> Get();

    /// <summary>
    /// Makes <paramref name="settings"/> the next version; null when <paramref name="expectedVersion"/>
    /// is given and is not the current one (someone else changed them first). Settings equal to the
    /// current ones make no new version.
    /// </summary>
    [Alias("update")]
    Task<SettingsVersion?> Update(CorrelationSettings settings, string actor, string? note, int? expectedVersion);

    [Alias("history")]
    Task<IReadOnlyList<SettingsVersion>> History();
}

/// <summary>One version of the settings; version 0 is the defaults nobody has changed.</summary>
[GenerateSerializer, Immutable, Alias("gc.settings-version")]
internal sealed record SettingsVersion(
    [property: Id(0)] int Version, [property: Id(1)] CorrelationSettings Settings, [property: Id(2)] string Actor,
    [property: Id(3)] DateTimeOffset At, [property: Id(4)] string? Note);

internal sealed class CorrelationSettingsState
{
    public List<SettingsVersion> Versions { get; set; } = [];
}

[GrainType("correlation-settings")]
internal sealed class CorrelationSettingsGrain(
    [PersistentState("correlation-settings", GovernanceSilo.StorageName)] IPersistentState<CorrelationSettingsState> state,
    GovernanceClock clock) : Grain, ICorrelationSettingsGrain
{
    private static readonly SettingsVersion Defaults = new(0, CorrelationSettings.Defaults, "system", DateTimeOffset.UnixEpoch, "默认配置");

    public Task<SettingsVersion> Get() => Task.FromResult(state.State.Versions.LastOrDefault() ?? Defaults);

    public async Task<SettingsVersion?> Update(CorrelationSettings settings, string actor, string? note, int? expectedVersion)
    {
        var current = await Get();
        if (expectedVersion is { } expected && expected != current.Version)
        {
            return null;
        }

        if (SettingsDocument.Changes(current.Settings, settings).Count == 0)
        {
            return current;
        }

        var version = new SettingsVersion(state.State.Versions.Count + 1, settings, actor, clock.Now, note);
        state.State.Versions.Add(version);
        await state.WriteStateAsync();
        return version;
    }

    public Task<IReadOnlyList<SettingsVersion>> History() =>
        Task.FromResult<IReadOnlyList<SettingsVersion>>([Defaults, .. state.State.Versions]);
}

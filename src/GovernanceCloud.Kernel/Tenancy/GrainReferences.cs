namespace GovernanceCloud.Kernel.Tenancy;

/// <summary>
/// Grain references by string key without Orleans resolving the interface again each time: its
/// <c>GetGrain&lt;T&gt;(string)</c> reads the interface's attributes on every call, which cost 3% of
/// the host's CPU under intake load. The grain type and interface type are taken once, from the
/// first reference made the ordinary way; they depend only on the attributes of the types, so
/// they are the same on every silo and client of the process.
/// </summary>
internal static class GrainReferences<TGrain>
    where TGrain : IGrainWithStringKey
{
    private static Resolved? _resolved;

    public static TGrain Get(IGrainFactory grains, string key)
    {
        if (_resolved is { } resolved)
        {
            return (TGrain)grains.GetGrain(GrainId.Create(resolved.Type, key), resolved.Interface);
        }

        var first = grains.GetGrain<TGrain>(key);
        var reference = (GrainReference)(object)first;
        _resolved = new Resolved(reference.GrainId.Type, reference.InterfaceType);
        return first;
    }

    private sealed record Resolved(GrainType Type, GrainInterfaceType Interface);
}

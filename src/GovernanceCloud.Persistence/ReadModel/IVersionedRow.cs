namespace GovernanceCloud.Persistence.ReadModel;

/// <summary>
/// A read-model row projected from a grain. <see cref="Version"/> is the grain's state version
/// that produced it: a row is only ever replaced by one with a higher version, so projections may
/// arrive twice or out of order and the table still converges.
/// </summary>
public interface IVersionedRow
{
    long Version { get; }
}

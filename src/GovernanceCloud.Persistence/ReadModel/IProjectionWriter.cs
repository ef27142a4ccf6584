namespace GovernanceCloud.Persistence.ReadModel;

/// <summary>Writes projected rows into the read model.</summary>
public interface IProjectionWriter
{
    /// <summary>
    /// Inserts <paramref name="row"/>, or replaces the stored row if this one has a higher version.
    /// True when the table changed; false when it already held this version or a newer one.
    /// </summary>
    Task<bool> UpsertAsync<TRow>(TRow row, CancellationToken cancellationToken = default)
        where TRow : class, IVersionedRow;
}

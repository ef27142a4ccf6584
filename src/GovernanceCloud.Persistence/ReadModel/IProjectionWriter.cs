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

    /// <summary>Upserts every row of <paramref name="rows"/> in one transaction (one commit), each as <see cref="UpsertAsync"/> would.</summary>
    Task UpsertAllAsync<TRow>(IReadOnlyList<TRow> rows, CancellationToken cancellationToken = default)
        where TRow : class, IVersionedRow;
}

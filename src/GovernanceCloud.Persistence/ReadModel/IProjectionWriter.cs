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

    /// <summary>
    /// Writes a grain's state through <paramref name="writeState"/> and, where the storage can
    /// (embedded mode), upserts <paramref name="row"/> in the same commit. True when the row landed
    /// with the state; false when it did not (cluster mode, or the row failed) and is to be upserted as usual.
    /// </summary>
    Task<bool> UpsertWithStateAsync<TRow>(TRow row, Func<Task> writeState)
        where TRow : class, IVersionedRow;

    /// <summary>
    /// As <see cref="UpsertWithStateAsync{TRow}(TRow, Func{Task})"/> for rows of any types: all of
    /// them in the state's commit, so a grain whose change touches several tables waits for one
    /// commit, not one after another. False when they did not all land with the state.
    /// </summary>
    Task<bool> UpsertWithStateAsync(IReadOnlyList<IVersionedRow> rows, Func<Task> writeState);

    /// <summary>Upserts every row of <paramref name="rows"/> in one transaction (one commit), each as <see cref="UpsertAsync"/> would.</summary>
    Task UpsertAllAsync<TRow>(IReadOnlyList<TRow> rows, CancellationToken cancellationToken = default)
        where TRow : class, IVersionedRow;

    /// <summary>
    /// Runs <paramref name="work"/> with upserts that all commit together, in one transaction, and
    /// answers what it answered once that commit is durable. The work may run more than once (a
    /// group commit tried again), so it must start afresh each time and keep no effects outside.
    /// </summary>
    Task<T> WriteTogetherAsync<T>(Func<IRowUpserts, Task<T>> work, CancellationToken cancellationToken = default);
}

/// <summary>Upserts inside <see cref="IProjectionWriter.WriteTogetherAsync"/>'s transaction.</summary>
public interface IRowUpserts
{
    /// <summary>As <see cref="IProjectionWriter.UpsertAsync"/>: true when the table changed, false when it held this version or a newer one.</summary>
    Task<bool> UpsertAsync(IVersionedRow row);
}

using Microsoft.Data.Sqlite;

namespace GovernanceCloud.Persistence.Sqlite;

/// <summary>
/// Opens connections to the embedded SQLite file with the settings every writer needs: WAL so
/// readers never block the writer, synchronous=FULL so a commit is on disk before it is
/// acknowledged, and a busy timeout so concurrent writers wait for each other instead of failing.
/// The WAL is copied into the file every 8,192 pages, not SQLite's 1,000: at intake rates
/// the default checkpointed several times a second and wrote every hot page (index roots, the
/// ends of the time-ordered tables, busy matters) to the file again each time. The writer's
/// connection leaves that copy to <see cref="WalCheckpointer"/>, beside it.
/// </summary>
public sealed class SqliteDatabase
{
    /// <summary>The page size of a new file, in bytes.</summary>
    public const int PageSize = 2048;

    private const string ConnectionPragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=8192;";

    public SqliteDatabase(string path)
    {
        Path = path;
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The connection string, also used by the EF Core read model.</summary>
    public string ConnectionString { get; }

    /// <summary>Opens a connection ready for use.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = ConnectionPragmas;
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Creates the folder and switches the file to WAL (a property of the file, kept across opens).
    /// A new file gets pages of 2 KiB, not SQLite's 4: most of what intake writes is one row into
    /// each of several B-trees keyed by hashes, a leaf page each, and every dirty page goes whole
    /// to the WAL and again to the file at the checkpoint. A file made before keeps its pages.
    /// </summary>
    public async Task InitializeFileAsync(CancellationToken cancellationToken = default)
    {
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA page_size={PageSize}; PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

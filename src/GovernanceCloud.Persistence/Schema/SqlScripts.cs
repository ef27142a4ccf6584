namespace GovernanceCloud.Persistence.Schema;

/// <summary>The SQL files of <c>tools/sql/</c>, embedded in this assembly.</summary>
internal static class SqlScripts
{
    public const string PostgresOrleans = "postgres-orleans.sql";
    public const string SqliteOrleans = "sqlite-orleans.sql";

    /// <summary>
    /// The version the scripts above record in <c>gc_schema</c> for component 'orleans'. 2: SQLite's
    /// grain states in a rowid table (PostgreSQL's tables did not change).
    /// </summary>
    public const int OrleansVersion = 2;

    public static string Read(string name)
    {
        using var stream = typeof(SqlScripts).Assembly.GetManifestResourceStream($"sql/{name}")
            ?? throw new InvalidOperationException($"SQL script {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

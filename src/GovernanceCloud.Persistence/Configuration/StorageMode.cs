namespace GovernanceCloud.Persistence.Configuration;

/// <summary>Where grain state, reminders and the read model live (DESIGN.md, "Storage modes").</summary>
public enum StorageMode
{
    /// <summary>One node, one SQLite file under the data directory. The default.</summary>
    Embedded,

    /// <summary>Several nodes on one PostgreSQL database, clustered through it.</summary>
    Postgres,
}

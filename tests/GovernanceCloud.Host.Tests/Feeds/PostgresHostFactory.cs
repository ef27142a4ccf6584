using GovernanceCloud.Testing;

namespace GovernanceCloud.Host.Tests.Feeds;

/// <summary>The real host in cluster mode: a fresh PostgreSQL database on the shared test server, migrated and seeded at start.</summary>
public sealed class PostgresHostFactory : HostFactory
{
    public PostgresHostFactory()
    {
        var storage = StorageModes.PostgresAsync().GetAwaiter().GetResult();
        Settings["Storage:Mode"] = "Postgres";
        Settings["ConnectionStrings:Governance"] = storage.ConnectionString!;
        Settings["Storage:MigrateOnStart"] = "true";
    }
}

using GovernanceCloud.Kernel.Grains;
using GovernanceCloud.Kernel.Tenancy;
using GovernanceCloud.Kernel.Time;
using GovernanceCloud.Persistence.Configuration;
using GovernanceCloud.Persistence.Serialization;
using GovernanceCloud.Persistence.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace GovernanceCloud.Persistence.Hosting;

/// <summary>
/// The silo configuration shared by the host, the CLI and the test clusters: clustering, grain
/// storage and reminders for the storage mode, and the tenant call filter.
/// </summary>
public static class GovernanceSilo
{
    /// <summary>The grain storage every grain uses: <c>[PersistentState("…", GovernanceSilo.StorageName)]</c>.</summary>
    public const string StorageName = "governance";

    /// <summary>
    /// Idle minutes before a grain of one item (a complaint, a case, a petitioner, a warning) is
    /// deactivated, and a matter leaves its partition's memory. There are millions of them and most are touched once; their state
    /// is durable, so a later call simply activates them again. Orleans' default of 15 minutes
    /// would keep a whole busy hour of complaints in memory.
    /// </summary>
    public const double ItemIdleMinutes = 1;

    /// <summary>The ADO.NET invariant of PostgreSQL.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>Configures clustering (unless <paramref name="clustering"/> is false, as in test clusters), storage and filters.</summary>
    public static ISiloBuilder UseGovernance(this ISiloBuilder silo, StorageSettings storage, ClusterSettings cluster, bool clustering = true)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        silo.AddIncomingGrainCallFilter<TenantCallFilter>();
        silo.AddOutgoingGrainCallFilter<RejectedCallRetryFilter>();
        // The collector looks twice as often as Orleans' default, so an item grain's idle age can be a minute.
        silo.Configure<GrainCollectionOptions>(o => o.CollectionQuantum = TimeSpan.FromSeconds(30));
        silo.AddReminders();
        // Tests shorten the reminder periods through configuration; the Orleans section itself is read as provider names.
        silo.Services.AddOptions<ReminderOptions>().BindConfiguration("Governance:Reminders");
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton(GovernanceClock.System);

        if (storage.Mode == StorageMode.Postgres)
        {
            if (clustering)
            {
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = PostgresInvariant;
                    o.ConnectionString = storage.ConnectionString;
                });
                silo.ConfigureEndpoints(cluster.AdvertisedAddress, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: false);
            }

            silo.AddAdoNetGrainStorage(StorageName, o =>
            {
                o.Invariant = PostgresInvariant;
                o.ConnectionString = storage.ConnectionString;
                o.GrainStorageSerializer = new JsonGrainStateSerializer();
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = PostgresInvariant;
                o.ConnectionString = storage.ConnectionString;
            });
        }
        else
        {
            if (clustering)
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                // A lone node owns every directory entry, so a cache of them saves no lookup; it only
                // grows with every grain ever activated, and the dashboard's meter walks it every second.
                silo.Configure<GrainDirectoryOptions>(o => o.CachingStrategy = GrainDirectoryOptions.CachingStrategyType.None);
            }

            silo.Services.TryAddSingleton(new SqliteDatabase(storage.SqlitePath));
            silo.Services.TryAddSingleton<SqliteWriter>();
            silo.Services.TryAddSingleton<SqliteReaders>();
            silo.Services.AddSingleton<IGrainStorageSerializer, JsonGrainStateSerializer>();
            silo.Services.AddGrainStorage(StorageName, (sp, _) => ActivatorUtilities.CreateInstance<SqliteGrainStorage>(sp));
            silo.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
        }

        return silo;
    }
}

using System.Net;
using DataCustody.Grains.Custody;
using DataCustody.Grains.Custody.Breaches;
using DataCustody.Grains.Custody.Projection;
using DataCustody.Grains.Ledger;
using DataCustody.Storage.Custody;
using DataCustody.Storage;
using DataCustody.Storage.Dialects;
using DataCustody.Storage.Ledger;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;

namespace DataCustody.Silo;

/// <summary>The one place a DataCustody silo is configured, for the gateway's embedded silo and for cluster silos.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// Configures storage, clustering, the log key and the grains from <paramref name="configuration"/>
    /// (sections <c>Storage</c>, <c>Clustering</c>, <c>Log</c> and the key <c>DataFolder</c>).
    /// </summary>
    public static ISiloBuilder AddDataCustody(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var settings = SiloSettings.From(configuration);
        var database = silo.AddDataCustodyServices(configuration);
        var clustering = settings.Clustering;
        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = clustering.ClusterId;
            options.ServiceId = clustering.ServiceId;
        });
        // How fast a dead silo is noticed; the defaults suit production, tests shorten them.
        silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection("Clustering:Membership"));
        switch (clustering.Provider)
        {
            case ClusteringProvider.Localhost:
                silo.UseLocalhostClustering(clustering.SiloPort, clustering.GatewayPort, serviceId: clustering.ServiceId, clusterId: clustering.ClusterId);
                break;
            case ClusteringProvider.Postgres:
                if (settings.Storage.Provider != StorageProvider.Postgres)
                {
                    throw new InvalidOperationException("Clustering:Provider=postgres keeps membership in the storage database, so it needs Storage:Provider=postgres.");
                }
                silo.ConfigureEndpoints(IPAddress.Parse(clustering.AdvertisedAddress), clustering.SiloPort, clustering.GatewayPort, listenOnAnyHostAddress: false);
                // Orleans takes an earlier silo of the same name for this one restarting.
                silo.Configure<SiloOptions>(options => options.SiloName = $"{Environment.MachineName}-{clustering.SiloPort}");
                silo.UsePostgresMembership(database);
                break;
            default:
                throw new InvalidOperationException($"Unknown clustering provider {clustering.Provider}.");
        }
        return silo;
    }

    /// <summary>
    /// Registers storage, how its failures reach callers, the log key and the ledger without clustering,
    /// for hosts that configure clustering themselves (the Orleans test host). Returns the storage database.
    /// </summary>
    public static Database AddDataCustodyServices(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var settings = SiloSettings.From(configuration);
        var database = CreateDatabase(settings);
        // Several silos signing with keys of their own would publish checkpoints nobody can
        // check against one verifier key.
        var singleMachine = settings.Clustering.Provider == ClusteringProvider.Localhost;
        var key = LogKeyLoader.Load(settings, mayGenerate: singleMachine);
        var brokerSigner = StatementKeyLoader.Load(settings, mayGenerate: singleMachine);

        silo.Services.AddSingleton(database);
        // Every grain's storage failures reach its callers as a type Orleans can copy.
        silo.AddIncomingGrainCallFilter<StorageFailureFilter>();
        silo.Services.AddSingleton(key);
        silo.Services.AddSingleton(key.Key);
        silo.Services.AddSingleton(brokerSigner);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaMigration>();
        silo.Services.AddSingleton<WriterConnection>();
        silo.Services.AddSingleton<LedgerStore>();
        silo.Services.AddSingleton<DecodedLeaves>();
        silo.Services.AddSingleton<ILedgerProjector, CustodyProjector>();
        silo.Services.AddSingleton<CustodyQueries>();
        silo.Services.AddSingleton<ComplianceQueries>();
        silo.Services.AddSingleton<PersonRegistry>();
        silo.Services.AddSingleton<HandleOwners>();
        silo.Services.AddSingleton<GrainReferences>();
        silo.Services.AddSingleton<RegisteredProviders>();
        silo.Services.AddSingleton<TransferChecks>();
        silo.Services.AddSingleton<InboxStore>();
        silo.Services.AddSingleton<BreachNotificationStore>();
        silo.Services.AddSingleton<BreachQueries>();
        silo.Services.AddSingleton<BreachImpactQuery>();
        silo.Services.AddSingleton<BreachImpactCalculator>();
        silo.Services.AddSingleton<EntryWriter>();
        silo.Services.TryAddSingleton(new BrokerClock(TimeProvider.System));
        silo.Services.Configure<CustodyOptions>(configuration.GetSection("Custody"));
        // The sweeper keeps its own timer once active; every silo wakes it at start.
        silo.AddStartupTask((services, _) => services.GetRequiredService<IGrainFactory>().GetGrain<IDeadlineSweeperGrain>(0).Sweep());
        silo.Services.AddSingleton<LogSigner>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddOptions<LedgerOptions>()
            .Bind(configuration.GetSection("Ledger"))
            .Validate(
                o => o.MaxPendingEntries >= o.MaxEntriesPerTransaction && o.MaxPendingEntries >= o.MaxLeavesPerAppend,
                "Ledger:MaxPendingEntries must be at least Ledger:MaxEntriesPerTransaction and Ledger:MaxLeavesPerAppend: a full transaction, and the largest append, must be able to wait.")
            .Validate<IOptions<SiloMessagingOptions>>(
                (o, messaging) => o.AppendDeadline > TimeSpan.Zero && o.AppendDeadline < messaging.Value.ResponseTimeout,
                "Ledger:AppendDeadline must be above zero and below the Orleans response timeout: an append must not be written after its caller stopped waiting for it.")
            .ValidateOnStart();
        // Log:Origin alone sets the origin: LogKeyLoader has checked that the key is named after it.
        silo.Services.Configure<LedgerOptions>(options => options.Origin = settings.Log.Origin);

        return database;
    }

    /// <summary>
    /// The storage database that <paramref name="settings"/> name: <c>Storage:ConnectionString</c>,
    /// or for SQLite by default <c>custody.db</c> in the data folder (which is created).
    /// </summary>
    public static Database CreateDatabase(SiloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var connectionString = settings.Storage.ConnectionString;
        if (settings.Storage.Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            Directory.CreateDirectory(settings.DataFolder);
            connectionString = $"Data Source={Path.Combine(settings.DataFolder, "custody.db")};Pooling=True";
        }
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Storage:ConnectionString is required for PostgreSQL.");
        }
        return new Database(SqlDialect.For(settings.Storage.Provider), connectionString);
    }
}

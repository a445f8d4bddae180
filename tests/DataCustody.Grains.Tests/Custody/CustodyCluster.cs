using System.Globalization;
using DataCustody.Grains.Custody;
using DataCustody.Silo;
using DataCustody.Storage;
using DataCustody.Storage.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace DataCustody.Grains.Tests.Custody;

/// <summary>
/// A one-silo test cluster running the whole custody domain on SQLite or PostgreSQL, with a
/// clock the test moves. Restarting starts a fresh cluster on the same database and keys, with
/// the clock where it was.
/// </summary>
public sealed class CustodyCluster : IAsyncDisposable
{
    private readonly string _folder;
    private readonly StorageProvider _provider;
    private readonly string? _connectionString;
    private TestCluster _cluster;

    private CustodyCluster(string folder, StorageProvider provider, string? connectionString, TestCluster cluster)
    {
        _folder = folder;
        _provider = provider;
        _connectionString = connectionString;
        _cluster = cluster;
    }

    public IGrainFactory Grains => _cluster.GrainFactory;

    public FakeTimeProvider Clock => Services.GetRequiredService<FakeTimeProvider>();

    /// <summary>A projector beside the custody one, through which a test makes an append fail.</summary>
    public RecordingProjector Projector => Services.GetRequiredService<RecordingProjector>();

    public IServiceProvider Services => ((InProcessSiloHandle)_cluster.Primary!).SiloHost.Services;

    public ICitizenGrain Person(string id) => Grains.GetGrain<ICitizenGrain>(id);

    public static async Task<CustodyCluster> StartAsync(StorageProvider provider, string? connectionString)
    {
        var folder = Directory.CreateTempSubdirectory("datacustody-custody-").FullName;
        var start = DateTimeOffset.UtcNow;
        return new CustodyCluster(folder, provider, connectionString, await DeployAsync(folder, provider, connectionString, start));
    }

    public async Task RestartAsync()
    {
        var now = Clock.GetUtcNow();
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        _cluster = await DeployAsync(_folder, _provider, _connectionString, now);
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<TestCluster> DeployAsync(string folder, StorageProvider provider, string? connectionString, DateTimeOffset clock)
    {
        var builder = new TestClusterBuilder(1);
        builder.Properties["DataFolder"] = folder;
        builder.Properties["Log:Origin"] = "custody.test/log";
        builder.Properties["Ledger:CheckpointInterval"] = "00:00:00.200";
        builder.Properties["Storage:Provider"] = provider.ToString();
        if (connectionString is not null)
        {
            builder.Properties["Storage:ConnectionString"] = connectionString;
        }
        builder.Properties["Test:Clock"] = clock.UtcTicks.ToString(CultureInfo.InvariantCulture);
        builder.AddSiloBuilderConfigurator<Configurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var ticks = long.Parse(siloBuilder.Configuration["Test:Clock"]!, CultureInfo.InvariantCulture);
            var clock = new FakeTimeProvider(new DateTimeOffset(ticks, TimeSpan.Zero));
            siloBuilder.Services.AddSingleton(clock);
            siloBuilder.Services.AddSingleton(new BrokerClock(clock));
            siloBuilder.AddDataCustodyServices(siloBuilder.Configuration);
            siloBuilder.Services.AddSingleton<RecordingProjector>();
            siloBuilder.Services.AddSingleton<ILedgerProjector>(sp => sp.GetRequiredService<RecordingProjector>());
        }
    }
}

using System.Globalization;
using DataCustody.Grains.Ledger;
using DataCustody.Silo;
using DataCustody.Storage.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace DataCustody.Grains.Tests;

/// <summary>
/// A one-silo Orleans test cluster running the real ledger on a SQLite file in its own folder.
/// Disposing stops the cluster; <see cref="RestartAsync"/> starts a fresh cluster on the same
/// files, as a restarted process would.
/// </summary>
public sealed class LedgerCluster : IAsyncDisposable
{
    private readonly string _folder;
    private readonly TimeSpan? _commitDelay;
    private TestCluster _cluster;

    private LedgerCluster(string folder, TimeSpan? commitDelay, TestCluster cluster)
    {
        _folder = folder;
        _commitDelay = commitDelay;
        _cluster = cluster;
    }

    public IGrainFactory Grains => _cluster.GrainFactory;

    public ILedgerGrain Ledger => Grains.GetGrain<ILedgerGrain>(LedgerKey.Id);

    public ILogReaderGrain Reader => Grains.GetGrain<ILogReaderGrain>(0);

    /// <summary>The projector inside the silo, which records every append transaction.</summary>
    public RecordingProjector Projector => SiloServices.GetRequiredService<RecordingProjector>();

    public LedgerStore Store => SiloServices.GetRequiredService<LedgerStore>();

    private IServiceProvider SiloServices => ((InProcessSiloHandle)_cluster.Primary!).SiloHost.Services;

    /// <summary>Starts a cluster with the ledger's default options, or with <paramref name="commitDelay"/> as its <see cref="LedgerOptions.CommitDelay"/>.</summary>
    public static async Task<LedgerCluster> StartAsync(TimeSpan? commitDelay = null)
    {
        var folder = Directory.CreateTempSubdirectory("datacustody-ledger-").FullName;
        return new LedgerCluster(folder, commitDelay, await DeployAsync(folder, commitDelay));
    }

    public async Task RestartAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        _cluster = await DeployAsync(_folder, _commitDelay);
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<TestCluster> DeployAsync(string folder, TimeSpan? commitDelay)
    {
        var builder = new TestClusterBuilder(1);
        builder.Properties["DataFolder"] = folder;
        builder.Properties["Log:Origin"] = "test.datacustody/log";
        builder.Properties["Ledger:CheckpointInterval"] = "00:00:00.100";
        if (commitDelay is { } delay)
        {
            builder.Properties["Ledger:CommitDelay"] = delay.ToString("c", CultureInfo.InvariantCulture);
        }
        builder.AddSiloBuilderConfigurator<Configurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddDataCustodyServices(siloBuilder.Configuration);
            siloBuilder.Services.AddSingleton<RecordingProjector>();
            siloBuilder.Services.AddSingleton<ILedgerProjector>(sp => sp.GetRequiredService<RecordingProjector>());
        }
    }
}

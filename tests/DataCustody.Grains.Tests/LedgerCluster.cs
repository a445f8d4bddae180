using DataCustody.Grains.Ledger;
using DataCustody.Silo;
using DataCustody.Storage.Ledger;
using DataCustody.Testing;
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
    private readonly IReadOnlyDictionary<string, string> _settings;
    private TestCluster _cluster;

    private LedgerCluster(string folder, IReadOnlyDictionary<string, string> settings, TestCluster cluster)
    {
        _folder = folder;
        _settings = settings;
        _cluster = cluster;
    }

    public IGrainFactory Grains => _cluster.GrainFactory;

    public ILedgerGrain Ledger => Grains.GetGrain<ILedgerGrain>(LedgerKey.Id);

    public ILogReaderGrain Reader => Grains.GetGrain<ILogReaderGrain>(0);

    /// <summary>The projector inside the silo, which records every append transaction.</summary>
    public RecordingProjector Projector => SiloServices.GetRequiredService<RecordingProjector>();

    public LedgerStore Store => SiloServices.GetRequiredService<LedgerStore>();

    private IServiceProvider SiloServices => ((InProcessSiloHandle)_cluster.Primary!).SiloHost.Services;

    /// <summary>Starts a cluster; <paramref name="settings"/> adds or overrides configuration, such as <c>Ledger:CommitDelay</c>.</summary>
    public static async Task<LedgerCluster> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("datacustody-ledger-").FullName;
        settings ??= new Dictionary<string, string>();
        try
        {
            return new LedgerCluster(folder, settings, await DeployAsync(folder, settings));
        }
        catch
        {
            // A silo that refused its settings leaves no cluster to dispose, only the folder.
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Appends <paramref name="first"/> and holds its transaction open until <paramref name="queued"/>, appended
    /// one by one, are all seen waiting. Returns the gate that lets the transaction go, and every append's
    /// acknowledgement, the first's first.
    /// </summary>
    public async Task<(TaskCompletionSource Gate, List<Task<LedgerAppend>> Appends)> HoldTransactionAsync(byte[] first, IReadOnlyList<byte[]> queued, TimeSpan patience)
    {
        var gate = Projector.HoldNextTransaction();
        var held = Ledger.Append([first]);
        await Eventually.UntilAsync(() => Task.FromResult(Projector.IsHolding), holding => holding, patience, "the first transaction to be held");
        var waiting = queued.Select(leaf => Ledger.Append([leaf])).ToList();
        await Eventually.UntilAsync(() => Ledger.GetStatus(), s => s.QueuedAppends == queued.Count, patience, $"{queued.Count} queued appends");
        return (gate, [held, .. waiting]);
    }

    /// <summary>
    /// Appends <paramref name="first"/> and holds its transaction open until <paramref name="queued"/>, appended
    /// one by one, are all seen waiting; then lets it go. Returns every append's acknowledgement, the first's first.
    /// </summary>
    public async Task<List<Task<LedgerAppend>>> AppendBehindHeldTransactionAsync(byte[] first, IReadOnlyList<byte[]> queued, TimeSpan patience)
    {
        var (gate, appends) = await HoldTransactionAsync(first, queued, patience);
        gate.SetResult();
        return appends;
    }

    public async Task RestartAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        _cluster = await DeployAsync(_folder, _settings);
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<TestCluster> DeployAsync(string folder, IReadOnlyDictionary<string, string> settings)
    {
        var builder = new TestClusterBuilder(1);
        builder.Properties["DataFolder"] = folder;
        builder.Properties["Log:Origin"] = "test.datacustody/log";
        builder.Properties["Ledger:CheckpointInterval"] = "00:00:00.100";
        foreach (var (key, value) in settings)
        {
            builder.Properties[key] = value;
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

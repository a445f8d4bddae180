using DataCustody.Transparency.Checkpoints;
using DataCustody.Transparency.Notes;

namespace DataCustody.Testing;

/// <summary>
/// The gateway's single-machine default (silo in-process, SQLite under its data folder) run as its
/// own process on free loopback ports, restartable on the same data.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    /// <summary>The log origin the gateway is configured with.</summary>
    public const string Origin = "e2e.datacustody.test/log";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Dictionary<string, string> _environment;
    private ChildProcess _process;

    private GatewayProcess(string dataFolder, Dictionary<string, string> environment, ChildProcess process, int httpPort, int orleansGatewayPort)
    {
        DataFolder = dataFolder;
        _environment = environment;
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/");
        OrleansGatewayPort = orleansGatewayPort;
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>The gateway's data folder, a fresh temporary folder deleted on dispose.</summary>
    public string DataFolder { get; }

    /// <summary>The gateway's HTTP address, ending in a slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The port Orleans clients connect to.</summary>
    public int OrleansGatewayPort { get; }

    /// <summary>An anonymous HTTP client for <see cref="BaseAddress"/>.</summary>
    public HttpClient Http { get; }

    /// <summary>Everything the running gateway printed so far, for the message of a test that failed against it.</summary>
    public string Output => _process.Output;

    /// <summary>The operating system's id of the running gateway process, e.g. to read its CPU time.</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// The gateway assembly that is run: the build in the caller's own configuration (a Release
    /// load tool runs the Release gateway), so a caller can show which build it measured.
    /// </summary>
    public static string Assembly => ChildProcess.RepositoryAssembly("gateway/DataCustody.Gateway", "DataCustody.Gateway");

    /// <summary>Starts the gateway; <paramref name="settings"/> adds or overrides environment settings.</summary>
    public static async Task<GatewayProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var dataFolder = Directory.CreateTempSubdirectory("datacustody-gateway-").FullName;
        return await FreePort.RetryWhileTakenAsync(async () =>
        {
            var (httpPort, siloPort, gatewayPort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
            var environment = EnvironmentFor(dataFolder, httpPort, siloPort, gatewayPort, settings);
            return new GatewayProcess(dataFolder, environment, await LaunchAsync(environment, dataFolder), httpPort, gatewayPort);
        });
    }

    /// <summary>Kills the gateway without warning, as a power cut would.</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>Starts the gateway again on the same data folder and ports.</summary>
    public async Task RestartAsync()
    {
        await _process.DisposeAsync();
        _process = await LaunchAsync(_environment, DataFolder);
    }

    /// <summary>The log's verifier key, as the gateway publishes it.</summary>
    public async Task<NoteVerifierKey> GetVerifierKeyAsync() =>
        NoteVerifierKey.Parse((await Http.GetStringAsync("log/v1/key")).TrimEnd('\n'));

    /// <summary>The current checkpoint, its signature checked with <paramref name="key"/>.</summary>
    public async Task<(Checkpoint Checkpoint, string Note)> GetCheckpointAsync(NoteVerifierKey key)
    {
        var note = await Http.GetStringAsync("log/v1/checkpoint");
        return (Checkpoint.OpenSigned(note, key), note);
    }

    /// <summary>Stops the gateway and deletes its data folder.</summary>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
        Directory.Delete(DataFolder, recursive: true);
    }

    private static Dictionary<string, string> EnvironmentFor(
        string dataFolder, int httpPort, int siloPort, int gatewayPort, IReadOnlyDictionary<string, string>? settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["DataFolder"] = dataFolder,
            ["Urls"] = $"http://127.0.0.1:{httpPort}",
            ["Clustering__SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Clustering__GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Log__Origin"] = Origin,
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }
        return environment;
    }

    private static async Task<ChildProcess> LaunchAsync(Dictionary<string, string> environment, string workingDirectory)
    {
        var process = ChildProcess.Start(Assembly, environment, workingDirectory);
        try
        {
            await process.WaitForOutputAsync("Log verifier key:", StartTimeout);
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }
}

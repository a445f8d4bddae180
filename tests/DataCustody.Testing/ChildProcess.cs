using System.Collections.Concurrent;
using System.Diagnostics;

namespace DataCustody.Testing;

/// <summary>
/// A .NET program of the repository run as a separate process, as an operator would run it:
/// its output is collected line by line, and it can be killed without warning (SIGKILL).
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private ChildProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process printed so far, stdout and stderr interleaved.</summary>
    public string Output => string.Join('\n', _lines);

    /// <summary>Starts <c>dotnet <paramref name="assembly"/></c> with the given environment.</summary>
    public static ChildProcess Start(string assembly, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet", [assembly])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        return new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {assembly}."));
    }

    /// <summary>Waits until the process prints a line containing <paramref name="text"/>; fails early if it exits.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!_lines.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The process exited ({_process.ExitCode}) before printing '{text}'. Output:\n{Output}");
            }
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"The process did not print '{text}' within {timeout.TotalSeconds:0} s. Output:\n{Output}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>Kills the process at once (SIGKILL on Unix) and waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    /// <summary>The built output of a project of this repository, in the configuration the tests run in.</summary>
    public static string RepositoryAssembly(string projectFolder, string assemblyName)
    {
        // Tests run from tests/<project>/bin/<configuration>/<framework>/.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "DataCustody.sln")))
        {
            root = root.Parent;
        }
        if (root is null)
        {
            throw new InvalidOperationException($"No DataCustody.sln above {AppContext.BaseDirectory}.");
        }
        var assembly = Path.Combine(root.FullName, projectFolder, "bin", configuration, framework, assemblyName + ".dll");
        return File.Exists(assembly) ? assembly : throw new FileNotFoundException($"Build {projectFolder} first: {assembly} is missing.", assembly);
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}

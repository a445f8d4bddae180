using System.CommandLine;

namespace DataCustody.Cli.Tests;

/// <summary>What one in-process run of <c>custody</c> returned and printed.</summary>
internal sealed record CustodyRun(int ExitCode, string Output, string Error);

/// <summary>Runs <c>custody</c> in-process through its System.CommandLine root, capturing both output streams.</summary>
internal static class Custody
{
    public static Task<CustodyRun> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);

    public static async Task<CustodyRun> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        // No process-termination handling: the test host's Ctrl+C is not the command's.
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
        var exitCode = await CustodyCommandLine.Create().Parse(args).InvokeAsync(configuration, cancellationToken);
        return new CustodyRun(exitCode, output.ToString(), error.ToString());
    }
}

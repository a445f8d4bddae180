using BenchmarkDotNet.Running;

// Subcommands of our own get their arms above the default one; everything else is
// BenchmarkDotNet's command line (--filter, --job, --list, ...).
return args switch
{
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    // BenchmarkDotNet reports a failed benchmark in its output but still exits 0; a script
    // running the benchmarks should see the failure.
    var failed = summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success));
    return failed ? 1 : 0;
}

using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using DataCustody.Benchmarks.Breaches;
using DataCustody.Benchmarks.Custody;
using DataCustody.Benchmarks.Generation;
using DataCustody.Benchmarks.Ingestion;
using DataCustody.Benchmarks.Ledger;

// Subcommands of our own get their arms above the default one; everything else is
// BenchmarkDotNet's command line (--filter, --job, --list, ...).
return args switch
{
    ["ledger", .. var options] => await LedgerLoadCommand.RunAsync(options),
    ["custody", .. var options] => await CustodyLoadCommand.RunAsync(options),
    ["ingest", .. var options] => await IngestCommand.RunAsync(options),
    ["generate", .. var options] => await GenerateCommand.RunAsync(options),
    ["breach", .. var options] => await BreachLoadCommand.RunAsync(options),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    // This process runs with server GC for the ledger load tool's silo; benchmark jobs would
    // inherit it, and micro-benchmarks are measured with the default workstation GC.
    var config = DefaultConfig.Instance.AddJob(Job.Default.WithGcServer(false).AsMutator());
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    // BenchmarkDotNet reports a failed benchmark in its output but still exits 0; a script
    // running the benchmarks should see the failure.
    var failed = summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success));
    return failed ? 1 : 0;
}

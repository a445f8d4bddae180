using DataCustody.Testing;
using DataCustody.Transparency.Codecs;
using DataCustody.Transparency.Notes;

namespace DataCustody.Cli.Tests;

public sealed class ReceiptFetchTests : IAsyncLifetime
{
    private FakeLog _log = null!;

    public async Task InitializeAsync() => _log = await FakeLog.StartAsync();

    public async Task DisposeAsync() => await _log.DisposeAsync();

    [Fact]
    public async Task Ends_with_a_bad_checkpoint_when_the_checkpoint_is_signed_by_another_key()
    {
        using var impostor = NoteSignerKey.Generate(FakeLog.Origin);
        _log.Serve(FakeLog.Honest(10), impostor);

        var run = await FetchEntryAsync(3);

        Assert.Equal(ExitCodes.BadCheckpoint, run.ExitCode);
        Assert.StartsWith("BAD CHECKPOINT: the checkpoint does not verify with the log key", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Ends_with_a_fork_when_the_log_changes_its_root_between_two_polls()
    {
        // One entry: the first checkpoint does not cover entry 3, so the fetcher polls again.
        _log.Serve(FakeLog.Honest(1));
        var fetch = FetchEntryAsync(3);
        await Eventually.UntilAsync(() => Task.FromResult(_log.Requests.Count(r => r == "/log/v1/checkpoint")), count => count > 0, TimeSpan.FromSeconds(20), "the first checkpoint request");
        _log.Serve(FakeLog.Forked(1));

        var run = await fetch;

        Assert.Equal(ExitCodes.Fork, run.ExitCode);
        Assert.StartsWith("FORK: checkpoint at size 1 has root ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ends_with_the_brokers_problem_at_once_when_it_does_not_serve_the_statements_entry()
    {
        _log.Serve(FakeLog.Honest(1));

        var run = await FetchEntryAsync(3, "st-2");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("Provider shop has no statement st-2 in the log.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(_log.Requests, r => r.StartsWith("/log/", StringComparison.Ordinal));
    }

    private Task<CustodyRun> FetchEntryAsync(int index, string statementId = FakeLog.StatementId) => Custody.RunAsync(
        "receipt", "fetch", "--url", _log.Url.ToString(), "--token", FakeLog.ProviderToken, "--key", _log.Key.Verifier.ToString(), "--statement-id", statementId,
        "--entry-index", index.ToString(System.Globalization.CultureInfo.InvariantCulture), "--leaf-hash", StrictBase64.EncodeUrl(new byte[32]),
        "--timeout", "00:00:30");
}

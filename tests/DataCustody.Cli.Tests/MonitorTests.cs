using DataCustody.Testing;
using DataCustody.Transparency.Checkpoints;
using DataCustody.Transparency.Notes;

namespace DataCustody.Cli.Tests;

public sealed class MonitorTests : IAsyncLifetime, IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private FakeLog _log = null!;

    private string StatePath => _directory.File("state");

    public async Task InitializeAsync() => _log = await FakeLog.StartAsync();

    public async Task DisposeAsync() => await _log.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Accepts_a_growing_honest_log_and_keeps_the_latest_checkpoint()
    {
        _log.Serve(FakeLog.Honest(10));
        var first = await MonitorOnceAsync();
        _log.Serve(FakeLog.Honest(25));
        var second = await MonitorOnceAsync();

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("size 10 root ", first.Output, StringComparison.Ordinal);
        Assert.Contains("first verified checkpoint", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("size 25 root ", second.Output, StringComparison.Ordinal);
        Assert.Contains("consistent with size 10", second.Output, StringComparison.Ordinal);
        Assert.Contains("/log/v1/proof/consistency?from=10&to=25", _log.Requests);
        Assert.Equal(25UL, StoredCheckpoint().Size);
    }

    [Fact]
    public async Task An_unchanged_log_prints_nothing_and_keeps_the_state()
    {
        _log.Serve(FakeLog.Honest(7));
        await MonitorOnceAsync();
        var stored = await File.ReadAllTextAsync(StatePath);

        var again = await MonitorOnceAsync();

        Assert.Equal(0, again.ExitCode);
        Assert.Equal("", again.Output);
        Assert.Equal(stored, await File.ReadAllTextAsync(StatePath));
    }

    [Fact]
    public async Task Detects_a_fork_whose_checkpoint_is_validly_signed()
    {
        _log.Serve(FakeLog.Honest(10));
        await MonitorOnceAsync();
        var verified = await File.ReadAllTextAsync(StatePath);
        _log.Serve(FakeLog.Forked(12));

        var run = await MonitorOnceAsync();

        Assert.Equal(ExitCodes.Fork, run.ExitCode);
        Assert.Contains("FORK: checkpoint at size 12 has root ", run.Error, StringComparison.Ordinal);
        Assert.Contains("the verified checkpoint at size 10", run.Error, StringComparison.Ordinal);
        Assert.Contains("is not a prefix of it", run.Error, StringComparison.Ordinal);
        Assert.Equal(verified, await File.ReadAllTextAsync(StatePath));
    }

    [Fact]
    public async Task Detects_a_different_root_at_the_same_size()
    {
        _log.Serve(FakeLog.Honest(10));
        await MonitorOnceAsync();
        _log.Serve(FakeLog.Forked(10));

        var run = await MonitorOnceAsync();

        Assert.Equal(ExitCodes.Fork, run.ExitCode);
        Assert.Contains("FORK: checkpoint at size 10 has root ", run.Error, StringComparison.Ordinal);
        Assert.Contains("at the same size has root", run.Error, StringComparison.Ordinal);
        Assert.Equal(10UL, StoredCheckpoint().Size);
    }

    [Fact]
    public async Task Detects_a_checkpoint_signed_by_another_key()
    {
        _log.Serve(FakeLog.Honest(10));
        await MonitorOnceAsync();
        using var impostor = NoteSignerKey.Generate(FakeLog.Origin);
        _log.Serve(FakeLog.Honest(12), impostor);

        var run = await MonitorOnceAsync();

        Assert.Equal(ExitCodes.BadCheckpoint, run.ExitCode);
        Assert.Contains("BAD CHECKPOINT: the checkpoint does not verify with the log key", run.Error, StringComparison.Ordinal);
        Assert.Equal(10UL, StoredCheckpoint().Size);
    }

    [Fact]
    public async Task Calls_a_checkpoint_answer_that_is_not_a_note_a_bad_checkpoint_not_an_unreachable_log()
    {
        _log.Serve(FakeLog.Honest(10));
        await MonitorOnceAsync();

        _log.ServeCheckpointBody([0xff, 0xfe, 0x80]);
        var notText = await MonitorOnceAsync();
        _log.ServeCheckpointBody(new byte[64 * 1024 + 1]);
        var tooLarge = await MonitorOnceAsync();

        Assert.Equal(ExitCodes.BadCheckpoint, notText.ExitCode);
        Assert.StartsWith("BAD CHECKPOINT: ", notText.Error, StringComparison.Ordinal);
        Assert.Contains("not UTF-8", notText.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("The log served this checkpoint", notText.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadCheckpoint, tooLarge.ExitCode);
        Assert.StartsWith("BAD CHECKPOINT: ", tooLarge.Error, StringComparison.Ordinal);
        Assert.Contains("larger than 65536 bytes", tooLarge.Error, StringComparison.Ordinal);
        Assert.Equal(10UL, StoredCheckpoint().Size);
    }

    [Fact]
    public async Task Detects_a_log_that_shrank()
    {
        _log.Serve(FakeLog.Honest(10));
        await MonitorOnceAsync();
        _log.Serve(FakeLog.Honest(6));

        var run = await MonitorOnceAsync();

        Assert.Equal(ExitCodes.Rollback, run.ExitCode);
        Assert.Contains("ROLLBACK: checkpoint at size 6", run.Error, StringComparison.Ordinal);
        Assert.Contains("smaller than the verified checkpoint at size 10", run.Error, StringComparison.Ordinal);
        Assert.Equal(10UL, StoredCheckpoint().Size);
    }

    [Fact]
    public async Task Retries_network_failures_instead_of_calling_them_misbehaviour()
    {
        _log.Serve(FakeLog.Honest(10));
        _log.FailNext(2);

        var run = await MonitorOnceAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.Error.Split('\n').Count(line => line.Contains("log unreachable", StringComparison.Ordinal)));
        Assert.DoesNotContain("FORK", run.Error, StringComparison.Ordinal);
        Assert.Equal(10UL, StoredCheckpoint().Size);
    }

    [Fact]
    public async Task Retries_answers_the_network_cut_off()
    {
        _log.Serve(FakeLog.Honest(10));
        _log.CutNext(1, "/log/v1/checkpoint");
        var first = await MonitorOnceAsync();
        _log.Serve(FakeLog.Honest(20));
        _log.CutNext(1, "/log/v1/proof/consistency");

        var second = await MonitorOnceAsync();

        foreach (var run in new[] { first, second })
        {
            Assert.Equal(0, run.ExitCode);
            Assert.Single(run.Error.Split('\n'), line => line.Contains("log unreachable", StringComparison.Ordinal));
        }
        Assert.Equal(20UL, StoredCheckpoint().Size);
    }

    [Fact]
    public async Task Gives_up_on_a_log_that_stays_unreachable_with_a_plain_failure()
    {
        var nobody = new Uri($"http://127.0.0.1:{FreePort.Next()}/");

        var run = await Custody.RunAsync("monitor", "--url", nobody.ToString(), "--key", _log.Key.Verifier.ToString(), "--state", StatePath, "--once");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("stayed unreachable after 5 attempts", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(StatePath));
    }

    [Fact]
    public async Task Refuses_a_state_file_not_signed_by_the_pinned_key()
    {
        using var other = NoteSignerKey.Generate(FakeLog.Origin);
        await File.WriteAllTextAsync(StatePath, new Checkpoint(FakeLog.Origin, 3, FakeLog.Honest(3).Root()).Sign(other));
        _log.Serve(FakeLog.Honest(10));

        var run = await MonitorOnceAsync();

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("does not hold a checkpoint of this log", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_state_file_that_is_not_text()
    {
        await File.WriteAllBytesAsync(StatePath, [0xff, 0xfe, 0x80]);
        _log.Serve(FakeLog.Honest(10));

        var run = await MonitorOnceAsync();

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Equal($"{StatePath} does not hold a checkpoint of this log: it is not UTF-8 text.", run.Error.TrimEnd());
        Assert.Empty(_log.Requests);
    }

    [Fact]
    public async Task Reads_the_pinned_key_from_a_file()
    {
        var keyFile = _directory.File("log.pub");
        await File.WriteAllTextAsync(keyFile, _log.Key.Verifier + "\n");
        _log.Serve(FakeLog.Honest(4));

        var run = await Custody.RunAsync("monitor", "--url", _log.Url.ToString(), "--key-file", keyFile, "--state", StatePath, "--once");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(4UL, StoredCheckpoint().Size);
    }

    [Fact]
    public async Task Follows_the_log_until_cancelled_then_stops_cleanly()
    {
        _log.Serve(FakeLog.Honest(3));
        using var stop = new CancellationTokenSource();
        var args = new[] { "monitor", "--url", _log.Url.ToString(), "--key", _log.Key.Verifier.ToString(), "--state", StatePath, "--interval", "20ms" };
        var monitor = Custody.RunAsync(args, stop.Token);

        await Eventually.UntilAsync(() => Task.FromResult(File.Exists(StatePath) ? StoredCheckpoint().Size : 0), size => size == 3, TimeSpan.FromSeconds(20), "the first checkpoint stored");
        _log.Serve(FakeLog.Honest(9));
        await Eventually.UntilAsync(() => Task.FromResult(StoredCheckpoint().Size), size => size == 9, TimeSpan.FromSeconds(20), "the grown checkpoint stored");
        await stop.CancelAsync();
        var run = await monitor;

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("size 9 root ", run.Output, StringComparison.Ordinal);
        Assert.Contains("consistent with size 3", run.Output, StringComparison.Ordinal);
        Assert.Contains("Stopped.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_an_interval_longer_than_the_monitor_can_wait()
    {
        _log.Serve(FakeLog.Honest(3));

        var run = await Custody.RunAsync("monitor", "--url", _log.Url.ToString(), "--key", _log.Key.Verifier.ToString(), "--state", StatePath, "--interval", "2000h", "--once");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("--interval '2000h' is longer than the monitor can wait: at most 1193h (49 days).", run.Error, StringComparison.Ordinal);
        Assert.Empty(_log.Requests);
    }

    [Fact]
    public async Task Ends_with_one_line_when_the_state_file_cannot_be_written()
    {
        _log.Serve(FakeLog.Honest(3));
        var state = _directory.File(Path.Combine("missing", "state"));

        var run = await Custody.RunAsync("monitor", "--url", _log.Url.ToString(), "--key", _log.Key.Verifier.ToString(), "--state", state, "--once");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.StartsWith($"Cannot write the state file {state}: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    private Task<CustodyRun> MonitorOnceAsync() =>
        Custody.RunAsync("monitor", "--url", _log.Url.ToString(), "--key", _log.Key.Verifier.ToString(), "--state", StatePath, "--once");

    private Checkpoint StoredCheckpoint() => Checkpoint.OpenSigned(File.ReadAllText(StatePath), _log.Key.Verifier);
}

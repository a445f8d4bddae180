using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using DataCustody.Benchmarks.Custody;
using DataCustody.Benchmarks.Ledger;
using DataCustody.Testing;

namespace DataCustody.Benchmarks.Ingestion;

/// <summary>
/// <c>POST /api/v1/transfers/check</c> over HTTP at a fixed rate, open loop: each check has a
/// scheduled start and its latency counts from then, so a stall charges every check scheduled
/// during it (no coordinated omission), as <see cref="TransferCheckLoad"/> does for the grains.
/// Each provider asks with its own client-credential token through a plain <see cref="HttpClient"/>
/// (the SDK's resilience pipeline would add retries and timeouts a latency target should not
/// hide). Half the questions are allowed by the person's consent, half ask for data it does
/// not cover. Single use.
/// </summary>
internal sealed class HttpTransferCheckLoad : IDisposable
{
    public const int ChecksPerSecond = 2_000;

    /// <summary>Run at the full rate before measuring: connections open, code jitted, grains active.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    private const int DistinctChecks = 20_000;

    // A check slower than this is broken, not slow.
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly Check[] _checks;
    private readonly LatencyHistogram _latency = new();
    private readonly LatencyHistogram _startLag = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _outstanding = 1;
    private long _completed;
    private long _unexpected;
    private long _failed;
    private long _lastCompletion;
    private string? _firstFailure;

    private HttpTransferCheckLoad(HttpClient http, Check[] checks)
    {
        _http = http;
        _checks = checks;
    }

    public sealed record Result(long Completed, long Unexpected, long Failed, string? FirstFailure, TimeSpan Elapsed, LatencyHistogram Latency, LatencyHistogram StartLag)
    {
        public double AchievedPerSecond => Completed / Elapsed.TotalSeconds;
    }

    public static async Task<HttpTransferCheckLoad> CreateAsync(Uri gateway, IngestPopulation population, int seed)
    {
        var tokens = new Dictionary<string, AuthenticationHeaderValue>(StringComparer.Ordinal);
        foreach (var provider in population.Providers)
        {
            tokens[provider.Id] = new AuthenticationHeaderValue("Bearer", await DemoTokens.ForClientAsync(gateway, provider.Id));
        }
        var random = new Random(seed);
        var checks = new Check[DistinctChecks];
        for (var i = 0; i < checks.Length; i++)
        {
            var person = population.People[random.Next(population.People.Count)];
            var pair = population.Providers.ToArray();
            random.Shuffle(pair);
            var (sender, recipient) = (pair[0], pair[1]);
            var (categories, allowed) = random.Next(3) switch
            {
                0 => (new[] { ConsentTemplate.Name }, true),
                1 => (new[] { ConsentTemplate.Name, ConsentTemplate.Email }, true),
                // Data the consent does not cover.
                _ => (new[] { ConsentTemplate.Financial }, false),
            };
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                handle = person.Handles[sender.Id],
                recipient = recipient.Id,
                categories,
                purposes = new[] { ConsentTemplate.Purpose },
                termsSha256 = sender.TermsSha256,
            });
            checks[i] = new Check(tokens[sender.Id], body, allowed);
        }
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = int.MaxValue })
        {
            BaseAddress = gateway,
            Timeout = DrainLimit,
        };
        return new HttpTransferCheckLoad(http, checks);
    }

    public async Task<Result> RunAsync(TimeSpan duration)
    {
        var warmUpChecks = (long)(WarmUp.TotalSeconds * ChecksPerSecond);
        var total = warmUpChecks + (long)(duration.TotalSeconds * ChecksPerSecond);
        var start = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 100);
        var measuredFrom = start + (long)(warmUpChecks * TicksPerCheck);
        // Its own thread: a scheduler on the thread pool would be late whenever the pool is busy with answers.
        var scheduler = new Thread(() => Schedule(start, total, warmUpChecks)) { IsBackground = true, Name = "http transfer-check schedule" };
        scheduler.Start();
        if (await Task.WhenAny(_drained.Task, Task.Delay(duration + WarmUp + DrainLimit)) != _drained.Task)
        {
            throw new TimeoutException($"{Interlocked.Read(ref _outstanding)} transfer checks had no answer {DrainLimit.TotalSeconds:0} s after the last was due.");
        }
        var elapsed = Stopwatch.GetElapsedTime(measuredFrom, Interlocked.Read(ref _lastCompletion));
        return new Result(_completed, _unexpected, _failed, _firstFailure, elapsed, _latency, _startLag);
    }

    public void Dispose() => _http.Dispose();

    private static double TicksPerCheck => Stopwatch.Frequency / (double)ChecksPerSecond;

    private void Schedule(long start, long total, long warmUpChecks)
    {
        for (var i = 0L; i < total; i++)
        {
            var scheduled = start + (long)(i * TicksPerCheck);
            PreciseWait.Until(scheduled);
            var measured = i >= warmUpChecks;
            if (measured)
            {
                _startLag.Record(scheduled, Stopwatch.GetTimestamp());
            }
            Interlocked.Increment(ref _outstanding);
            _ = AskAsync(_checks[i % _checks.Length], scheduled, measured);
        }
        Release();
    }

    private async Task AskAsync(Check check, long scheduled, bool measured)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/transfers/check")
            {
                Content = new ByteArrayContent(check.Body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
                Headers = { Authorization = check.Token },
            };
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var end = Stopwatch.GetTimestamp();
            if (!measured)
            {
                return;
            }
            if (!response.IsSuccessStatusCode)
            {
                Failure($"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
                return;
            }
            _latency.Record(scheduled, end);
            Interlocked.Increment(ref _completed);
            using var answer = JsonDocument.Parse(body);
            if (answer.RootElement.GetProperty("allowed").GetBoolean() != check.Allowed)
            {
                Interlocked.Increment(ref _unexpected);
            }
            var last = Interlocked.Read(ref _lastCompletion);
            while (end > last && Interlocked.CompareExchange(ref _lastCompletion, end, last) != last)
            {
                last = Interlocked.Read(ref _lastCompletion);
            }
        }
        catch (Exception e) when (measured)
        {
            Failure(e.GetBaseException().Message);
        }
        catch (Exception)
        {
            // A warm-up failure shows as failures in the measured part too, if it lasts.
        }
        finally
        {
            Release();
        }
    }

    private void Failure(string reason)
    {
        Interlocked.Increment(ref _failed);
        Interlocked.CompareExchange(ref _firstFailure, reason, null);
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _outstanding) == 0)
        {
            _drained.TrySetResult();
        }
    }

    private sealed record Check(AuthenticationHeaderValue Token, byte[] Body, bool Allowed);
}

using System.Net.Http.Headers;
using System.Text.Json;
using DataCustody.Benchmarks.Custody;
using DataCustody.Testing;

namespace DataCustody.Benchmarks.Ingestion;

/// <summary>
/// <c>POST /api/v1/transfers/check</c> over HTTP on a <see cref="TransferCheckSchedule"/>, as
/// <see cref="TransferCheckLoad"/> asks the grains. Each provider asks with its own
/// client-credential token through a plain <see cref="HttpClient"/> (the SDK's resilience pipeline
/// would add retries and timeouts a latency target should not hide). Half the questions are allowed by the person's consent, half ask for data it does
/// not cover.
/// </summary>
internal sealed class HttpTransferCheckLoad : IDisposable
{
    public const int ChecksPerSecond = 2_000;

    /// <summary>
    /// Run at the full rate before measuring: connections open, code jitted, grains active. The
    /// gateway's JIT shares two busy cores with the load, so its hot code takes seconds to reach
    /// its final tier.
    /// </summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);

    private const int DistinctChecks = 20_000;

    private const int MaxConnections = 64;

    private readonly HttpClient _http;
    private readonly Check[] _checks;

    private HttpTransferCheckLoad(HttpClient http, Check[] checks)
    {
        _http = http;
        _checks = checks;
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
        // A bounded pool, as a provider's system would keep: checks beyond it queue in the client and
        // their wait counts against the latency. Unbounded, a backlog opened thousands of sockets.
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = MaxConnections })
        {
            BaseAddress = gateway,
            Timeout = TransferCheckSchedule.DrainLimit,
        };
        return new HttpTransferCheckLoad(http, checks);
    }

    /// <summary>Runs the warm-up and then <paramref name="duration"/> at the fixed rate; returns once every check answered.</summary>
    public Task<TransferCheckSchedule.Result> RunAsync(TimeSpan duration) =>
        new TransferCheckSchedule(ChecksPerSecond, WarmUp).RunAsync(duration, i => AskAsync(_checks[i % _checks.Length]));

    public void Dispose() => _http.Dispose();

    private async Task<TransferCheckSchedule.Answer> AskAsync(Check check)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/transfers/check")
        {
            Content = new ByteArrayContent(check.Body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            Headers = { Authorization = check.Token },
        };
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        }
        using var answer = JsonDocument.Parse(body);
        return new TransferCheckSchedule.Answer(answer.RootElement.GetProperty("allowed").GetBoolean(), check.Allowed);
    }

    private sealed record Check(AuthenticationHeaderValue Token, byte[] Body, bool Allowed);
}

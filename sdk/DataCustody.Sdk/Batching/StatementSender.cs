using System.Net;
using System.Text.Json;
using DataCustody.Sdk.Http;
using DataCustody.Sdk.Models;

namespace DataCustody.Sdk.Batching;

/// <summary>
/// Posts statements to <c>api/v1/statements</c> and returns one result per statement, in the order given.
/// The request is marked idempotent: statements keep their ids and bytes, so the resilience pipeline may
/// send it again, and a repeat gets <see cref="StatementStatus.Duplicate"/> with the original entries.
/// </summary>
internal sealed class StatementSender
{
    /// <summary>The most statements the API takes in one request.</summary>
    public const int ApiMaxBatch = 1000;

    private readonly IHttpClientFactory _factory;

    public StatementSender(IHttpClientFactory factory) => _factory = factory;

    /// <summary>How many requests were posted so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    private int _requests;

    public async Task<IReadOnlyList<StatementResult>> SendAsync(IReadOnlyList<SignedStatement> statements, int maxBatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var results = new List<StatementResult>(statements.Count);
        var size = Math.Clamp(maxBatch, 1, ApiMaxBatch);
        for (var start = 0; start < statements.Count; start += size)
        {
            var chunk = statements.Skip(start).Take(size).ToList();
            foreach (var result in await SendChunkAsync(chunk, cancellationToken))
            {
                results.Add(result with { Index = start + result.Index });
            }
        }
        return results;
    }

    private async Task<IReadOnlyList<StatementResult>> SendChunkAsync(IReadOnlyList<SignedStatement> chunk, CancellationToken cancellationToken)
    {
        var http = _factory.CreateClient(DataCustodyProviderClient.HttpClientName);
        var body = JsonSerializer.SerializeToUtf8Bytes(new StatementBatch([.. chunk.Select(s => s.Jws)]), SdkJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/statements")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") { CharSet = "utf-8" } } },
        };
        request.Options.Set(ApiRequestOptions.Idempotent, true);
        Interlocked.Increment(ref _requests);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.RequestEntityTooLarge && chunk.Count > 1)
        {
            // Too large in bytes: halves are sent separately, each keeping its statements' ids and bytes.
            var half = chunk.Count / 2;
            var first = await SendChunkAsync([.. chunk.Take(half)], cancellationToken);
            var second = await SendChunkAsync([.. chunk.Skip(half)], cancellationToken);
            return [.. first, .. second.Select(r => r with { Index = half + r.Index })];
        }
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiHttp.ProblemAsync(response, cancellationToken);
        }
        var answer = await ApiHttp.ReadAsync<StatementBatchResponse>(response, cancellationToken);
        return Match(chunk, answer.Results ?? [], response.StatusCode);
    }

    private static StatementResult[] Match(IReadOnlyList<SignedStatement> chunk, IReadOnlyList<StatementResult> answered, HttpStatusCode status)
    {
        var results = new StatementResult?[chunk.Count];
        foreach (var result in answered)
        {
            if (result.Index < 0 || result.Index >= chunk.Count || results[result.Index] is not null)
            {
                throw Garbled(status, $"The broker answered for statement index {result.Index} of a batch of {chunk.Count}, or twice for it.");
            }
            if (result.StatementId is null && result.Status == StatementStatus.Rejected)
            {
                // A statement the gateway could not even parse has no id it could read: it is the one sent at that index.
                results[result.Index] = result with { StatementId = chunk[result.Index].StatementId };
                continue;
            }
            if (result.StatementId != chunk[result.Index].StatementId)
            {
                throw Garbled(status, $"The broker's result {result.Index} names statement '{result.StatementId}', not '{chunk[result.Index].StatementId}'.");
            }
            results[result.Index] = result;
        }
        var missing = Array.FindIndex(results, r => r is null);
        if (missing >= 0)
        {
            throw Garbled(status, $"The broker gave no result for statement {missing} ('{chunk[missing].StatementId}').");
        }
        return results!;
    }

    private static DataCustodyProblemException Garbled(HttpStatusCode status, string detail) =>
        new(status, new ProblemDetail(null, "Unreadable answer", (int)status, detail, "results"));

    private sealed record StatementBatch(IReadOnlyList<string> Statements);

    private sealed record StatementBatchResponse(IReadOnlyList<StatementResult>? Results);
}

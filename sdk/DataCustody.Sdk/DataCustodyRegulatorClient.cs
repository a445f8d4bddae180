using DataCustody.Sdk.Http;
using DataCustody.Sdk.Log;
using DataCustody.Sdk.Models;
using DataCustody.Transparency.Notes;

namespace DataCustody.Sdk;

/// <summary>
/// What a regulator (or auditor) reads: providers, their declaration history and obligations, with the
/// bearer token of a signed-in regulator the application supplies; and the public log, followed with the
/// same <see cref="CheckpointFollower"/> the <c>custody monitor</c> command uses.
/// </summary>
public sealed class DataCustodyRegulatorClient
{
    private readonly BearerApi _api;

    /// <summary>Creates a client that sends <paramref name="accessToken"/> over <paramref name="http"/>, whose base address is the broker's.</summary>
    public DataCustodyRegulatorClient(HttpClient http, string accessToken)
        : this(http, _ => ValueTask.FromResult(accessToken))
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
    }

    /// <summary>Creates a client that asks <paramref name="accessToken"/> for the regulator's current token before each request.</summary>
    public DataCustodyRegulatorClient(HttpClient http, Func<CancellationToken, ValueTask<string>> accessToken)
    {
        _api = new BearerApi(http, accessToken);
        Log = new LogClient(_api.Http, _api.Http.BaseAddress!);
    }

    /// <summary>The broker's public log endpoints (checkpoint, key, proofs); nothing it fetches is verified by it.</summary>
    public LogClient Log { get; }

    /// <summary>
    /// A follower of the log's checkpoints that trusts only <paramref name="logKey"/> and accepts a new
    /// checkpoint only if it provably extends <paramref name="trusted"/> (null: the first one seen).
    /// </summary>
    public CheckpointFollower FollowCheckpoints(NoteVerifierKey logKey, VerifiedCheckpoint? trusted = null) =>
        new(Log, logKey, trusted);

    /// <summary>A provider as registered (<c>GET /api/v1/providers/{id}</c>).</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused, or knows no such provider (404).</exception>
    public async Task<RegisteredProvider> GetProviderAsync(string providerId, CancellationToken cancellationToken = default) =>
        await _api.SendAsync<RegisteredProvider>(HttpMethod.Get, $"api/v1/providers/{ApiHttp.Escape(providerId)}", null, cancellationToken);

    /// <summary>Every protection profile and terms document a provider declared (<c>GET /api/v1/providers/{id}/history</c>).</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused, or knows no such provider (404).</exception>
    public async Task<ProviderHistory> GetProviderHistoryAsync(string providerId, CancellationToken cancellationToken = default) =>
        await _api.SendAsync<ProviderHistory>(HttpMethod.Get, $"api/v1/providers/{ApiHttp.Escape(providerId)}/history", null, cancellationToken);

    /// <summary>A provider's deletion obligations, due, answered and overdue (<c>GET /api/v1/providers/{id}/obligations</c>).</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused.</exception>
    public async Task<IReadOnlyList<Obligation>> GetObligationsAsync(string providerId, CancellationToken cancellationToken = default) =>
        await _api.GetListAsync<Obligation>($"api/v1/providers/{ApiHttp.Escape(providerId)}/obligations", "obligations", cancellationToken);
}

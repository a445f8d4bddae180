using System.Text.Json;
using DataCustody.Sdk.Http;
using DataCustody.Sdk.Models;
using DataCustody.Sdk.Proofs;

namespace DataCustody.Sdk;

/// <summary>
/// The API of a signed-in person (<c>/api/v1/me/...</c>): their consents, consent requests, custody view,
/// inbox and proofs. The application supplies the person's bearer token; create one with
/// <see cref="DataCustodyClientFactory.CreatePersonClient(Func{CancellationToken, ValueTask{string}})"/> or the constructor.
/// </summary>
public sealed class DataCustodyPersonClient
{
    private readonly HttpClient _http;
    private readonly Func<CancellationToken, ValueTask<string>> _token;

    /// <summary>Creates a client that sends <paramref name="accessToken"/> over <paramref name="http"/>, whose base address is the broker's.</summary>
    public DataCustodyPersonClient(HttpClient http, string accessToken)
        : this(http, _ => ValueTask.FromResult(accessToken))
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
    }

    /// <summary>Creates a client that asks <paramref name="accessToken"/> for the person's current token before each request.</summary>
    public DataCustodyPersonClient(HttpClient http, Func<CancellationToken, ValueTask<string>> accessToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(accessToken);
        if (http.BaseAddress is null)
        {
            throw new ArgumentException("The HttpClient needs the broker's BaseAddress.", nameof(http));
        }
        _http = http;
        _token = accessToken;
    }

    /// <summary>The person's consents (<c>GET /api/v1/me/consents</c>).</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused.</exception>
    public async Task<IReadOnlyList<Consent>> GetConsentsAsync(CancellationToken cancellationToken = default) =>
        await ApiHttp.GetListAsync<Consent>(_http, "api/v1/me/consents", "consents", cancellationToken, await TokenAsync(cancellationToken));

    /// <summary>Gives a holder a consent (<c>POST /api/v1/me/consents</c>); returns the consent as recorded.</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused, for example for an unknown holder.</exception>
    public async Task<Consent> GrantConsentAsync(ConsentGrant grant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return await ApiHttp.SendAsync<Consent>(_http, HttpMethod.Post, "api/v1/me/consents", grant, cancellationToken, bearer: await TokenAsync(cancellationToken));
    }

    /// <summary>Revokes a consent (<c>POST /api/v1/me/consents/{id}/revoke</c>); holders whose copies depend on it get deletion obligations. Returns the consent as revoked.</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused, for example for a consent already revoked.</exception>
    public async Task<Consent> RevokeConsentAsync(string consentId, CancellationToken cancellationToken = default) =>
        await ApiHttp.SendAsync<Consent>(_http, HttpMethod.Post, $"api/v1/me/consents/{ApiHttp.Escape(consentId)}/revoke", null, cancellationToken, bearer: await TokenAsync(cancellationToken));

    /// <summary>The Kantara Consent Receipt v1.1 JSON document of a consent (<c>GET /api/v1/me/consents/{id}/receipt</c>).</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused.</exception>
    public async Task<JsonElement> GetConsentReceiptAsync(string consentId, CancellationToken cancellationToken = default) =>
        await ApiHttp.SendAsync<JsonElement>(_http, HttpMethod.Get, $"api/v1/me/consents/{ApiHttp.Escape(consentId)}/receipt", null, cancellationToken, bearer: await TokenAsync(cancellationToken));

    /// <summary>Holders' requests for consents (<c>GET /api/v1/me/consent-requests</c>).</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused.</exception>
    public async Task<IReadOnlyList<ConsentRequestInfo>> GetConsentRequestsAsync(CancellationToken cancellationToken = default) =>
        await ApiHttp.GetListAsync<ConsentRequestInfo>(_http, "api/v1/me/consent-requests", "requests", cancellationToken, await TokenAsync(cancellationToken));

    /// <summary>Approves a consent request, which grants the consent (<c>POST /api/v1/me/consent-requests/{id}/approve</c>); returns the consent.</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused, for example for a request already answered.</exception>
    public async Task<Consent> ApproveConsentRequestAsync(string requestId, CancellationToken cancellationToken = default) =>
        await ApiHttp.SendAsync<Consent>(_http, HttpMethod.Post, $"api/v1/me/consent-requests/{ApiHttp.Escape(requestId)}/approve", null, cancellationToken, bearer: await TokenAsync(cancellationToken));

    /// <summary>Declines a consent request (<c>POST /api/v1/me/consent-requests/{id}/reject</c>); returns the request as decided.</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused, for example for a request already answered.</exception>
    public async Task<ConsentRequestInfo> RejectConsentRequestAsync(string requestId, CancellationToken cancellationToken = default) =>
        await ApiHttp.SendAsync<ConsentRequestInfo>(_http, HttpMethod.Post, $"api/v1/me/consent-requests/{ApiHttp.Escape(requestId)}/reject", null, cancellationToken, bearer: await TokenAsync(cancellationToken));

    /// <summary>Every provider that holds or held the person's data, along the whole chain (<c>GET /api/v1/me/custody</c>).</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused.</exception>
    public async Task<CustodyView> GetCustodyAsync(CancellationToken cancellationToken = default) =>
        await ApiHttp.SendAsync<CustodyView>(_http, HttpMethod.Get, "api/v1/me/custody", null, cancellationToken, bearer: await TokenAsync(cancellationToken));

    /// <summary>The person's inbox, such as breach notifications (<c>GET /api/v1/me/inbox</c>).</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused.</exception>
    public async Task<IReadOnlyList<InboxMessage>> GetInboxAsync(CancellationToken cancellationToken = default) =>
        await ApiHttp.GetListAsync<InboxMessage>(_http, "api/v1/me/inbox", "messages", cancellationToken, await TokenAsync(cancellationToken));

    /// <summary>
    /// The person's entries with their inclusion proofs to the latest checkpoint (<c>GET /api/v1/me/proofs</c>);
    /// check them offline with <see cref="ProofBundleVerifier.Verify"/> and a log key you trust.
    /// </summary>
    /// <exception cref="DataCustodyProblemException">The broker refused, or has no checkpoint yet.</exception>
    /// <exception cref="ProofBundleException">The answer is not a proof bundle.</exception>
    public async Task<ProofBundle> GetProofsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await ApiHttp.SendRawAsync(_http, HttpMethod.Get, "api/v1/me/proofs", null, cancellationToken, bearer: await TokenAsync(cancellationToken));
        return ProofBundle.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    private ValueTask<string> TokenAsync(CancellationToken cancellationToken) => _token(cancellationToken);
}

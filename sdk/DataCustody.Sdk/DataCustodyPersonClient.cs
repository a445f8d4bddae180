using System.Text.Json;
using DataCustody.Sdk.Http;
using DataCustody.Sdk.Models;
using DataCustody.Sdk.Proofs;

namespace DataCustody.Sdk;

/// <summary>
/// The API of a signed-in person (<c>/api/v1/me/...</c>): their consents, consent requests, custody view,
/// inbox and proofs, and forgetting them. The application supplies the person's bearer token; create one with
/// <see cref="DataCustodyClientFactory.CreatePersonClient(Func{CancellationToken, ValueTask{string}})"/> or the constructor.
/// </summary>
public sealed class DataCustodyPersonClient
{
    private readonly BearerApi _api;

    /// <summary>Creates a client that sends <paramref name="accessToken"/> over <paramref name="http"/>, whose base address is the broker's.</summary>
    public DataCustodyPersonClient(HttpClient http, string accessToken)
        : this(http, _ => ValueTask.FromResult(accessToken))
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
    }

    /// <summary>Creates a client that asks <paramref name="accessToken"/> for the person's current token before each request.</summary>
    public DataCustodyPersonClient(HttpClient http, Func<CancellationToken, ValueTask<string>> accessToken)
    {
        _api = new BearerApi(http, accessToken);
    }

    /// <summary>The person's consents (<c>GET /api/v1/me/consents</c>).</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused.</exception>
    public async Task<IReadOnlyList<Consent>> GetConsentsAsync(CancellationToken cancellationToken = default) =>
        await _api.GetListAsync<Consent>("api/v1/me/consents", "consents", cancellationToken);

    /// <summary>Gives a holder a consent (<c>POST /api/v1/me/consents</c>); returns the consent as recorded.</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused, for example for an unknown holder.</exception>
    public async Task<Consent> GrantConsentAsync(ConsentGrant grant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return await _api.SendAsync<Consent>(HttpMethod.Post, "api/v1/me/consents", grant, cancellationToken);
    }

    /// <summary>Revokes a consent (<c>POST /api/v1/me/consents/{id}/revoke</c>); holders whose copies depend on it get deletion obligations. Returns the consent as revoked.</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused, for example for a consent already revoked.</exception>
    public async Task<Consent> RevokeConsentAsync(string consentId, CancellationToken cancellationToken = default) =>
        await _api.SendAsync<Consent>(HttpMethod.Post, $"api/v1/me/consents/{ApiHttp.Escape(consentId)}/revoke", null, cancellationToken);

    /// <summary>The Kantara Consent Receipt v1.1 JSON document of a consent (<c>GET /api/v1/me/consents/{id}/receipt</c>).</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused.</exception>
    public async Task<JsonElement> GetConsentReceiptAsync(string consentId, CancellationToken cancellationToken = default) =>
        await _api.SendAsync<JsonElement>(HttpMethod.Get, $"api/v1/me/consents/{ApiHttp.Escape(consentId)}/receipt", null, cancellationToken);

    /// <summary>Holders' requests for consents (<c>GET /api/v1/me/consent-requests</c>).</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused.</exception>
    public async Task<IReadOnlyList<ConsentRequestInfo>> GetConsentRequestsAsync(CancellationToken cancellationToken = default) =>
        await _api.GetListAsync<ConsentRequestInfo>("api/v1/me/consent-requests", "requests", cancellationToken);

    /// <summary>Approves a consent request, which grants the consent (<c>POST /api/v1/me/consent-requests/{id}/approve</c>); returns the consent.</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused, for example for a request already answered.</exception>
    public async Task<Consent> ApproveConsentRequestAsync(string requestId, CancellationToken cancellationToken = default) =>
        await _api.SendAsync<Consent>(HttpMethod.Post, $"api/v1/me/consent-requests/{ApiHttp.Escape(requestId)}/approve", null, cancellationToken);

    /// <summary>Declines a consent request (<c>POST /api/v1/me/consent-requests/{id}/reject</c>); returns the request as decided.</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused, for example for a request already answered.</exception>
    public async Task<ConsentRequestInfo> RejectConsentRequestAsync(string requestId, CancellationToken cancellationToken = default) =>
        await _api.SendAsync<ConsentRequestInfo>(HttpMethod.Post, $"api/v1/me/consent-requests/{ApiHttp.Escape(requestId)}/reject", null, cancellationToken);

    /// <summary>Every provider that holds or held the person's data, along the whole chain (<c>GET /api/v1/me/custody</c>).</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused.</exception>
    public async Task<CustodyView> GetCustodyAsync(CancellationToken cancellationToken = default) =>
        await _api.SendAsync<CustodyView>(HttpMethod.Get, "api/v1/me/custody", null, cancellationToken);

    /// <summary>The person's inbox, such as breach notifications (<c>GET /api/v1/me/inbox</c>).</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused.</exception>
    public async Task<IReadOnlyList<InboxMessage>> GetInboxAsync(CancellationToken cancellationToken = default) =>
        await _api.GetListAsync<InboxMessage>("api/v1/me/inbox", "messages", cancellationToken);

    /// <summary>
    /// The person's entries with their inclusion proofs to the latest checkpoint (<c>GET /api/v1/me/proofs</c>);
    /// check them offline with <see cref="ProofBundleVerifier.Verify"/> and a log key you trust.
    /// </summary>
    /// <exception cref="DataCustodyProblemException">The broker refused, or has no checkpoint yet.</exception>
    /// <exception cref="ProofBundleException">The answer is not a proof bundle.</exception>
    public async Task<ProofBundle> GetProofsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _api.SendRawAsync(HttpMethod.Get, "api/v1/me/proofs", cancellationToken);
        return ProofBundle.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    /// <summary>
    /// Asks the broker to forget the person, for good (<c>DELETE /api/v1/me</c>): it destroys what ties
    /// them to their handles, while the log keeps its entries and every proof still verifies. Keep
    /// <see cref="GetProofsAsync"/>'s bundle first if the person wants their own record. Afterwards
    /// every call of the person fails with status 410.
    /// </summary>
    /// <exception cref="DataCustodyProblemException">
    /// The broker refused: 409 while a consent of the person is active or a holder must still delete
    /// their data (the detail says which), 410 when it has forgotten them already.
    /// </exception>
    public async Task ForgetMeAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _api.SendRawAsync(HttpMethod.Delete, "api/v1/me", cancellationToken);
    }
}

using DataCustody.Grains.Statements;
using DataCustody.Sdk.Batching;
using DataCustody.Sdk.Http;
using DataCustody.Sdk.Models;
using DataCustody.Sdk.Receipts;
using Microsoft.Extensions.Options;

namespace DataCustody.Sdk;

/// <summary>
/// The provider API of the broker, authenticated with the provider system's client-credential token:
/// registration, signing keys, statements (signed, batched, retried safely), transfer checks, consent
/// requests, obligations and consents held, and receipts. Get it from dependency injection after
/// <see cref="DataCustodyServiceCollectionExtensions.AddDataCustody"/>.
/// </summary>
public sealed class DataCustodyProviderClient
{
    /// <summary>The name of the <see cref="HttpClient"/> the client uses, to configure it further.</summary>
    public const string HttpClientName = "DataCustody.Provider";

    private readonly HttpClient _http;
    private readonly DataCustodyOptions _options;
    private readonly StatementSigner _signer;
    private readonly StatementSender _sender;
    private readonly StatementBatcher _batcher;
    private readonly InclusionWaiter _inclusion;
    private readonly ProviderState _state;

    internal DataCustodyProviderClient(
        HttpClient http,
        IOptions<DataCustodyOptions> options,
        StatementSigner signer,
        StatementSender sender,
        StatementBatcher batcher,
        InclusionWaiter inclusion,
        ProviderState state)
    {
        _http = http;
        _options = options.Value;
        _signer = signer;
        _sender = sender;
        _batcher = batcher;
        _inclusion = inclusion;
        _state = state;
    }

    /// <summary>The provider's id: from the options, or learned from <see cref="RegisterAsync"/>; null while unknown.</summary>
    public string? ProviderId => _state.ProviderId;

    /// <summary>Registers the provider (<c>POST /api/v1/providers</c>) and remembers its id for the other calls.</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused, for example because a member is invalid.</exception>
    public async Task<RegisteredProvider> RegisterAsync(ProviderRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var provider = await ApiHttp.SendAsync<RegisteredProvider>(_http, HttpMethod.Post, "api/v1/providers", registration, cancellationToken);
        _state.ProviderId = provider.ProviderId;
        return provider;
    }

    /// <summary>The provider as registered (<c>GET /api/v1/providers/{id}</c>); by default this provider.</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused, or knows no such provider (404).</exception>
    public Task<RegisteredProvider> GetProviderAsync(string? providerId = null, CancellationToken cancellationToken = default) =>
        ApiHttp.SendAsync<RegisteredProvider>(_http, HttpMethod.Get, $"api/v1/providers/{ApiHttp.Escape(providerId ?? _state.Require())}", null, cancellationToken);

    /// <summary>Registers a statement-signing key of this provider (<c>POST /api/v1/providers/{id}/keys</c>).</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused, for example because the kid is taken.</exception>
    public Task<RegisteredKey> AddKeyAsync(ProviderKeyRegistration key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ApiHttp.SendAsync<RegisteredKey>(_http, HttpMethod.Post, $"api/v1/providers/{ApiHttp.Escape(_state.Require())}/keys", key, cancellationToken);
    }

    /// <summary>Retires a key from <paramref name="at"/> on (<c>POST /api/v1/providers/{id}/keys/{kid}/retire</c>): statements it signs from then on do not count.</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused, for example because there is no such key.</exception>
    public Task<RegisteredKey> RetireKeyAsync(string kid, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ApiHttp.SendAsync<RegisteredKey>(_http, HttpMethod.Post, $"api/v1/providers/{ApiHttp.Escape(_state.Require())}/keys/{ApiHttp.Escape(kid)}/retire", new KeyRetirement(at), cancellationToken);

    /// <summary>
    /// Signs <paramref name="statement"/> with the configured key and submits it through the batcher: it
    /// travels with statements other callers submit at about the same time, and the task completes with
    /// this statement's own result (its <see cref="StatementResult.Index"/> is 0).
    /// </summary>
    /// <exception cref="ArgumentException">The statement breaks a rule of the format, or names another provider.</exception>
    /// <exception cref="DataCustodyProblemException">The batch was refused as a whole (after safe retries).</exception>
    /// <exception cref="Polly.ExecutionRejectedException">The resilience pipeline refused the request: its circuit is open after repeated failures (<see cref="Polly.CircuitBreaker.BrokenCircuitException"/>) or the request ran out of time; submit again later.</exception>
    public Task<StatementResult> SubmitAsync(ProviderStatement statement, CancellationToken cancellationToken = default) =>
        SubmitAsync(_signer.Sign(statement, _state.ProviderId), cancellationToken);

    /// <summary>Submits an already signed statement through the batcher; resending one that was logged returns <see cref="StatementStatus.Duplicate"/>.</summary>
    /// <exception cref="DataCustodyProblemException">The batch was refused as a whole (after safe retries).</exception>
    /// <exception cref="Polly.ExecutionRejectedException">The resilience pipeline refused the request: its circuit is open after repeated failures (<see cref="Polly.CircuitBreaker.BrokenCircuitException"/>) or the request ran out of time; submit again later.</exception>
    public Task<StatementResult> SubmitAsync(SignedStatement statement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return _batcher.EnqueueAsync(statement, cancellationToken);
    }

    /// <summary>
    /// Signs and submits <paramref name="statements"/> directly, in requests of at most
    /// <see cref="DataCustodyOptions.MaxBatchSize"/>; the results are in the order given, with
    /// <see cref="StatementResult.Index"/> the position in <paramref name="statements"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A statement breaks a rule of the format, or names another provider.</exception>
    /// <exception cref="DataCustodyProblemException">A request was refused as a whole (after safe retries).</exception>
    /// <exception cref="Polly.ExecutionRejectedException">The resilience pipeline refused the request: its circuit is open after repeated failures (<see cref="Polly.CircuitBreaker.BrokenCircuitException"/>) or the request ran out of time; submit again later.</exception>
    public Task<IReadOnlyList<StatementResult>> SubmitBatchAsync(IEnumerable<ProviderStatement> statements, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var providerId = _state.ProviderId;
        return SubmitBatchAsync([.. statements.Select(s => _signer.Sign(s, providerId))], cancellationToken);
    }

    /// <summary>Submits already signed statements directly; see <see cref="SubmitBatchAsync(IEnumerable{ProviderStatement}, CancellationToken)"/>.</summary>
    /// <exception cref="DataCustodyProblemException">A request was refused as a whole (after safe retries).</exception>
    /// <exception cref="Polly.ExecutionRejectedException">The resilience pipeline refused the request: its circuit is open after repeated failures (<see cref="Polly.CircuitBreaker.BrokenCircuitException"/>) or the request ran out of time; submit again later.</exception>
    public Task<IReadOnlyList<StatementResult>> SubmitBatchAsync(IReadOnlyList<SignedStatement> statements, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statements);
        return _sender.SendAsync(statements, _options.MaxBatchSize, cancellationToken);
    }

    /// <summary>Asks whether a share is allowed before making it (<c>POST /api/v1/transfers/check</c>).</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused the question, for example for an unknown category.</exception>
    public Task<TransferDecision> CheckTransferAsync(TransferCheck check, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        // A question changes nothing, so it is safe to ask again.
        return ApiHttp.SendAsync<TransferDecision>(_http, HttpMethod.Post, "api/v1/transfers/check", check, cancellationToken, idempotent: true);
    }

    /// <summary>Asks the person behind <paramref name="handle"/> for a consent (<c>POST /api/v1/consent-requests</c>).</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused, for example for an unknown handle.</exception>
    public Task<ConsentRequestCreated> RequestConsentAsync(string handle, ConsentTermsModel terms, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(handle);
        ArgumentNullException.ThrowIfNull(terms);
        return ApiHttp.SendAsync<ConsentRequestCreated>(_http, HttpMethod.Post, "api/v1/consent-requests", new ConsentRequestBody(handle, terms), cancellationToken);
    }

    /// <summary>The deletion obligations of this provider (<c>GET /api/v1/providers/{id}/obligations</c>).</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused.</exception>
    public Task<IReadOnlyList<Obligation>> GetObligationsAsync(CancellationToken cancellationToken = default) =>
        ApiHttp.GetListAsync<Obligation>(_http, $"api/v1/providers/{ApiHttp.Escape(_state.Require())}/obligations", "obligations", cancellationToken);

    /// <summary>The consents this provider holds (<c>GET /api/v1/providers/{id}/consents</c>).</summary>
    /// <exception cref="DataCustodyProblemException">The broker refused.</exception>
    public Task<IReadOnlyList<HeldConsent>> GetConsentsAsync(CancellationToken cancellationToken = default) =>
        ApiHttp.GetListAsync<HeldConsent>(_http, $"api/v1/providers/{ApiHttp.Escape(_state.Require())}/consents", "consents", cancellationToken);

    /// <summary>
    /// Fetches the statement's log entry (<c>GET /api/v1/statements/{id}/entry</c>), waits until a checkpoint
    /// signed by the pinned <see cref="DataCustodyOptions.VerifierKey"/> covers it (polling with backoff; every
    /// new checkpoint must extend the one trusted before), then fetches the inclusion proof and returns the
    /// receipt, verified: it carries the entry, so it shows which statement it proves.
    /// </summary>
    /// <exception cref="ArgumentException">The statement was rejected, so it is not in the log.</exception>
    /// <exception cref="InvalidOperationException">No verifier key is pinned.</exception>
    /// <exception cref="DataCustodyProblemException">The broker did not serve the statement's entry.</exception>
    /// <exception cref="Log.LogMisbehaviourException">The log served a bad checkpoint, a fork or a rollback.</exception>
    /// <exception cref="ReceiptVerificationException">The log's proof or entry does not show the statement the broker reported.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public Task<Receipt> WaitForInclusionAsync(StatementResult result, CancellationToken cancellationToken = default) =>
        _inclusion.WaitAsync(result, cancellationToken);

    private sealed record KeyRetirement(DateTimeOffset At);

    private sealed record ConsentRequestBody(string Handle, ConsentTermsModel Terms);
}

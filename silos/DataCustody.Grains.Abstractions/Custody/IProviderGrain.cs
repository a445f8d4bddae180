using DataCustody.Grains.Ledger;
using DataCustody.Grains.Statements;

namespace DataCustody.Grains.Custody;

/// <summary>
/// One provider, keyed by its provider id: registration, statement keys, protection profiles and
/// terms, and the entry point of its statements.
/// </summary>
[Alias("DataCustody.Custody.IProviderGrain")]
public interface IProviderGrain : IGrainWithStringKey
{
    /// <summary>Registers the provider; registering twice is refused.</summary>
    [Alias("Register")]
    Task<ProviderRecord> Register(ProviderRegistration registration);

    /// <summary>The registration, or null for an unregistered provider id.</summary>
    [Alias("GetRegistration")]
    Task<ProviderRecord?> GetRegistration();

    /// <summary>Adds an Ed25519 statement key valid from <paramref name="validFrom"/>.</summary>
    [Alias("AddKey")]
    Task<ProviderKey> AddKey(string kid, byte[] publicKey, DateTimeOffset validFrom, DateTimeOffset? validUntil);

    /// <summary>Retires a key: statements issued from <paramref name="at"/> on are refused.</summary>
    [Alias("RetireKey")]
    Task<ProviderKey> RetireKey(string kid, DateTimeOffset at);

    /// <summary>The key <paramref name="kid"/> names if it may sign at <paramref name="issuedAt"/>, or why not.</summary>
    [Alias("FindKey")]
    Task<KeyLookup> FindKey(string kid, DateTimeOffset issuedAt);

    /// <summary>
    /// Records verified statements of this provider, with one outcome per statement in order. The
    /// list is passed on without a copy: the caller must not change it afterwards.
    /// </summary>
    [Alias("Submit")]
    Task<IReadOnlyList<StatementOutcome>> Submit([Immutable] IReadOnlyList<SubmittedStatement> statements);

    /// <summary>
    /// The log entry that holds this provider's statement <paramref name="statementId"/>, or null when the
    /// provider recorded no statement of that id.
    /// </summary>
    [Alias("GetStatementEntry")]
    Task<LogLeaf?> GetStatementEntry(string statementId);

    /// <summary>Whether the provider is registered and the protection level and profile version it declares now.</summary>
    [Alias("GetStanding")]
    Task<ProviderStanding> GetStanding();

    /// <summary>The protection profile in force, or null before the first.</summary>
    [Alias("GetCurrentProfile")]
    Task<ProfileVersion?> GetCurrentProfile();

    /// <summary>A terms version this provider declared, by the SHA-256 of its text.</summary>
    [Alias("GetTerms")]
    Task<TermsVersion?> GetTerms(string sha256);

    /// <summary>Every profile and terms version, oldest first.</summary>
    [Alias("GetHistory")]
    Task<ProviderHistory> GetHistory();

    /// <summary>The consents people granted this provider (any status), in the order granted.</summary>
    [Alias("GetHeldConsents")]
    Task<IReadOnlyList<ConsentView>> GetHeldConsents();

    /// <summary>The deletion obligations this provider has not answered.</summary>
    [Alias("GetOpenObligations")]
    Task<IReadOnlyList<ObligationView>> GetOpenObligations();

    /// <summary>Asks the person behind <paramref name="handle"/> for a consent; returns the request id.</summary>
    [Alias("RequestConsent")]
    Task<string> RequestConsent(string handle, ConsentTerms terms);
}

using DataCustody.Grains.Statements;

namespace DataCustody.Grains.Custody;

/// <summary>
/// One person, keyed by the broker's person id: their pairwise handles, consents, the copies of
/// their data and the obligations on them, and their inbox.
/// </summary>
[Alias("DataCustody.Custody.ICitizenGrain")]
public interface ICitizenGrain : IGrainWithStringKey
{
    /// <summary>The person's handle at a provider, issued (and logged) on first use.</summary>
    [Alias("GetHandle")]
    Task<string> GetHandle(string providerId);

    /// <summary>Grants a consent to <paramref name="holder"/>.</summary>
    [Alias("GrantConsent")]
    Task<ConsentView> GrantConsent(string holder, ConsentTerms terms);

    /// <summary>Revokes a consent; every holder whose copy depends on it gets a deletion obligation.</summary>
    [Alias("RevokeConsent")]
    Task<ConsentView> RevokeConsent(string consentId);

    /// <summary>The person's consents, in the order granted.</summary>
    [Alias("GetConsents")]
    Task<IReadOnlyList<ConsentView>> GetConsents();

    /// <summary>Records a provider's request for a consent; returns the request id.</summary>
    [Alias("RequestConsent")]
    Task<string> RequestConsent(string holder, ConsentTerms terms);

    /// <summary>The consent requests addressed to the person.</summary>
    [Alias("GetConsentRequests")]
    Task<IReadOnlyList<ConsentRequestView>> GetConsentRequests();

    /// <summary>Approves a pending request: grants the consent it asked for.</summary>
    [Alias("ApproveConsentRequest")]
    Task<ConsentView> ApproveConsentRequest(string requestId);

    /// <summary>Rejects a pending request.</summary>
    [Alias("RejectConsentRequest")]
    Task<ConsentRequestView> RejectConsentRequest(string requestId);

    /// <summary>Answers a transfer question from memory; the gateway asks through <c>TransferChecks</c>, which finds the person from the handle.</summary>
    [Alias("CheckTransfer")]
    Task<TransferDecision> CheckTransfer(TransferQuestion question);

    /// <summary>
    /// Records statements about this person that their provider's grain checked (key, id, handle),
    /// given the provider's protection profile version in force and the standing of the providers the
    /// statements pass data to, as the caller found them once for its whole batch (a recipient missing
    /// there is asked); one outcome each. Each statement is judged against the ones before it, and
    /// those not refused are logged as consecutive entries, all or none. The list and the standings are
    /// passed on without a copy: the caller must not change them afterwards.
    /// </summary>
    [Alias("Record")]
    Task<IReadOnlyList<StatementOutcome>> Record(
        [Immutable] IReadOnlyList<SubmittedStatement> statements, long? providerProfileVersion, [Immutable] IReadOnlyDictionary<string, ProviderStanding> recipients);

    /// <summary>Every holder of the person's data and how it got there.</summary>
    [Alias("GetCustodyView")]
    Task<CustodyView> GetCustodyView();

    /// <summary>The deletion obligations on copies of the person's data.</summary>
    [Alias("GetObligations")]
    Task<IReadOnlyList<ObligationView>> GetObligations();

    /// <summary>Messages to the person, newest first.</summary>
    [Alias("GetInbox")]
    Task<IReadOnlyList<InboxMessage>> GetInbox();

    /// <summary>Logs that an obligation's deadline passed; false when it was answered or already marked.</summary>
    [Alias("MarkOverdue")]
    Task<bool> MarkOverdue(string obligationId);

    /// <summary>Logs that a consent expired; false when it had already ended.</summary>
    [Alias("Expire")]
    Task<bool> Expire(string consentId);

    /// <summary>
    /// Forgets the person: destroys their secret and the links from their handles to them, so that
    /// what the log holds about those handles can no longer be tied to them, while every proof still
    /// verifies. Refused while a consent of theirs is active or a holder must still delete their data
    /// (deadlines that passed are logged as overdue first): forgetting then would leave the deletion
    /// untracked. Returns when the person was forgotten; afterwards every call of theirs throws
    /// <see cref="PersonForgottenException"/>, and statements and checks about their handles are
    /// refused as about handles the broker never issued.
    /// </summary>
    /// <exception cref="InvalidOperationException">A consent is active or an obligation is open; the message says which.</exception>
    [Alias("Forget")]
    Task<DateTimeOffset> Forget();
}

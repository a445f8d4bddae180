namespace DataCustody.Grains.Statements;

/// <summary>The wire names of the statement types: the <c>type</c> member of a statement.</summary>
public static class StatementTypes
{
    /// <summary>A provider declares its protection profile (<see cref="ProfileDeclared"/>).</summary>
    public const string ProviderProfile = "provider.profile";

    /// <summary>A provider declares model-contract terms (<see cref="TermsDeclared"/>).</summary>
    public const string ProviderTerms = "provider.terms";

    /// <summary>A provider collected data from a person (<see cref="Statements.DataCollected"/>).</summary>
    public const string DataCollected = "data.collected";

    /// <summary>A provider sent data to another provider (<see cref="Statements.DataTransferred"/>).</summary>
    public const string DataTransferred = "data.transferred";

    /// <summary>A provider received data from another provider (<see cref="Statements.DataReceived"/>).</summary>
    public const string DataReceived = "data.received";

    /// <summary>A provider deleted data (<see cref="Statements.DataDeleted"/>).</summary>
    public const string DataDeleted = "data.deleted";

    /// <summary>The broker issued a provider a handle for a person (<see cref="Statements.HandleIssued"/>).</summary>
    public const string HandleIssued = "handle.issued";

    /// <summary>A provider asked a person for consent (<see cref="Statements.ConsentRequested"/>).</summary>
    public const string ConsentRequested = "consent.requested";

    /// <summary>The person declined a consent request (<see cref="Statements.ConsentRejected"/>).</summary>
    public const string ConsentRejected = "consent.rejected";

    /// <summary>The person granted a consent (<see cref="Statements.ConsentGranted"/>).</summary>
    public const string ConsentGranted = "consent.granted";

    /// <summary>The person revoked a consent (<see cref="Statements.ConsentRevoked"/>).</summary>
    public const string ConsentRevoked = "consent.revoked";

    /// <summary>A consent reached its expiry (<see cref="Statements.ConsentExpired"/>).</summary>
    public const string ConsentExpired = "consent.expired";

    /// <summary>Copies passed on learn what they depend on from a report made later (<see cref="Statements.HoldingsHandedDown"/>).</summary>
    public const string HoldingsInherited = "holdings.inherited";

    /// <summary>A holder must delete data by a deadline (<see cref="Statements.ObligationDue"/>).</summary>
    public const string ObligationDue = "obligation.due";

    /// <summary>A deletion deadline passed unanswered (<see cref="Statements.ObligationOverdue"/>).</summary>
    public const string ObligationOverdue = "obligation.overdue";

    /// <summary>A provider joined the broker (<see cref="Statements.ProviderRegistered"/>).</summary>
    public const string ProviderRegistered = "provider.registered";

    /// <summary>A provider registered a signing key (<see cref="Statements.ProviderKeyAdded"/>).</summary>
    public const string ProviderKeyAdded = "provider.key.added";

    /// <summary>A provider's signing key was retired (<see cref="Statements.ProviderKeyRetired"/>).</summary>
    public const string ProviderKeyRetired = "provider.key.retired";

    /// <summary>A provider reports a breach of data it holds (<see cref="Statements.BreachReported"/>).</summary>
    public const string BreachReported = "breach.reported";

    /// <summary>The breached provider updates a breach (<see cref="Statements.BreachUpdated"/>).</summary>
    public const string BreachUpdated = "breach.updated";

    /// <summary>An upstream provider answers a breach review (<see cref="Statements.BreachReviewed"/>).</summary>
    public const string BreachReviewed = "breach.reviewed";

    /// <summary>A regulator filed a breach (<see cref="Statements.BreachFiled"/>).</summary>
    public const string BreachFiled = "breach.filed";

    /// <summary>A regulator updated a breach (<see cref="Statements.BreachRevised"/>).</summary>
    public const string BreachRevised = "breach.revised";

    /// <summary>The broker's report of a breach's impact (<see cref="Statements.BreachAssessed"/>).</summary>
    public const string BreachAssessed = "breach.assessed";

    /// <summary>An upstream provider must review what it passed to a breached holder (<see cref="Statements.BreachReviewDue"/>).</summary>
    public const string BreachReviewDue = "breach.review.due";

    /// <summary>The types a provider signs, in the documented order.</summary>
    public static IReadOnlyList<string> ProviderTypes { get; } =
        [ProviderProfile, ProviderTerms, DataCollected, DataTransferred, DataReceived, DataDeleted, BreachReported, BreachUpdated, BreachReviewed];

    /// <summary>The types the broker signs, in the documented order.</summary>
    public static IReadOnlyList<string> BrokerTypes { get; } =
    [
        HandleIssued, ConsentRequested, ConsentRejected, ConsentGranted, ConsentRevoked, ConsentExpired,
        HoldingsInherited, ObligationDue, ObligationOverdue, ProviderRegistered, ProviderKeyAdded, ProviderKeyRetired,
        BreachFiled, BreachRevised, BreachAssessed, BreachReviewDue,
    ];
}

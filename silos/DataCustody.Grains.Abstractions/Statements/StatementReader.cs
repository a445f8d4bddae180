using System.Text.Json;
using DataCustody.Grains.Taxonomy;

namespace DataCustody.Grains.Statements;

/// <summary>
/// Reads a statement payload, member by member in the documented order, into its record. Errors go to
/// <see cref="ParseErrors"/>; a statement read with errors is made of placeholders and must be discarded.
/// </summary>
internal sealed class StatementReader(FideslangTaxonomy taxonomy)
{
    /// <summary>
    /// Room for a model contract in ASCII: the text is logged with the statement, and a log entry holds at
    /// most 65,535 bytes. Text in other scripts takes more bytes per character and meets the limit on the
    /// whole statement first.
    /// </summary>
    private const int TermsTextMaxLength = 40_000;

    private static readonly ValueRule<int> Level = ValueRules.Integer(1, 4);
    private static readonly ValueRule<string> Subprocessor = ValueRules.Text(1, 200);
    private static readonly ValueRule<string> LongText = ValueRules.Text(1, 2000);
    private static readonly ValueRule<string> Severity = ValueRules.OneOf(BreachStatuses.Severities);
    private static readonly ValueRule<string> UpdateStatus = ValueRules.OneOf(BreachStatuses.Updates);

    private readonly ValueRule<string> _category = ValueRules.Category(taxonomy);
    private readonly ValueRule<string> _use = ValueRules.Use(taxonomy);

    /// <summary>The statement in <paramref name="payload"/>, or <see langword="null"/> if its type cannot be told.</summary>
    public Statement? Read(JsonElement payload, ParseErrors errors)
    {
        var o = new PayloadObject(payload, "", errors);
        var id = o.Required("id", ValueRules.StatementId);
        var issuedAt = o.Required("issuedAt", ValueRules.Time);
        var type = o.Required("type", ValueRules.Text(1, 64));
        if (type is null)
        {
            return null;
        }
        Statement? statement = type switch
        {
            StatementTypes.ProviderProfile => ProfileDeclared(o, id, issuedAt),
            StatementTypes.ProviderTerms => TermsDeclared(o, id, issuedAt),
            StatementTypes.DataCollected => DataCollected(o, id, issuedAt),
            StatementTypes.DataTransferred => DataTransferred(o, id, issuedAt),
            StatementTypes.DataReceived => DataReceived(o, id, issuedAt),
            StatementTypes.DataDeleted => DataDeleted(o, id, issuedAt),
            StatementTypes.BreachReported => new BreachReported(id, issuedAt,
                o.Required("provider", ValueRules.ProviderId),
                o.Required("breachId", ValueRules.BreachId),
                BreachDetails(o)),
            StatementTypes.BreachUpdated => new BreachUpdated(id, issuedAt,
                o.Required("provider", ValueRules.ProviderId),
                o.Required("breachId", ValueRules.BreachId),
                BreachChanges(o)),
            StatementTypes.BreachReviewed => new BreachReviewed(id, issuedAt,
                o.Required("provider", ValueRules.ProviderId),
                o.Required("breachId", ValueRules.BreachId),
                o.Required("obligationId", ValueRules.BrokerId),
                o.Required("findings", LongText),
                o.Required("measures", LongText)),
            StatementTypes.BreachFiled => new BreachFiled(id, issuedAt,
                o.Required("breachId", ValueRules.BreachId),
                o.Required("holder", ValueRules.ProviderId),
                BreachDetails(o)),
            StatementTypes.BreachRevised => new BreachRevised(id, issuedAt,
                o.Required("breachId", ValueRules.BreachId),
                o.Required("holder", ValueRules.ProviderId),
                BreachChanges(o)),
            StatementTypes.BreachAssessed => new BreachAssessed(id, issuedAt,
                o.Required("breachId", ValueRules.BreachId),
                o.Required("holder", ValueRules.ProviderId),
                o.Object("assessment", BreachAssessment)),
            StatementTypes.BreachReviewDue => new BreachReviewDue(id, issuedAt,
                o.Required("obligationId", ValueRules.BrokerId),
                o.Required("breachId", ValueRules.BreachId),
                o.Required("holder", ValueRules.ProviderId),
                o.Required("breachedHolder", ValueRules.ProviderId),
                o.Required("people", ValueRules.Count),
                o.Required("dueAt", ValueRules.Time)),
            StatementTypes.HandleIssued => new HandleIssued(id, issuedAt,
                o.Required("provider", ValueRules.ProviderId),
                o.Required("handle", ValueRules.Handle)),
            StatementTypes.ConsentRequested => new ConsentRequested(id, issuedAt,
                o.Required("requestId", ValueRules.BrokerId),
                o.Required("holder", ValueRules.ProviderId),
                o.Required("handle", ValueRules.Handle),
                o.Object("terms", ConsentTerms)),
            StatementTypes.ConsentRejected => new ConsentRejected(id, issuedAt,
                o.Required("requestId", ValueRules.BrokerId),
                o.Required("holder", ValueRules.ProviderId),
                o.Required("handle", ValueRules.Handle)),
            StatementTypes.ConsentGranted => new ConsentGranted(id, issuedAt,
                o.Required("consentId", ValueRules.BrokerId),
                o.Optional("requestId", ValueRules.BrokerId),
                o.Required("holder", ValueRules.ProviderId),
                o.Required("handle", ValueRules.Handle),
                o.Object("terms", ConsentTerms)),
            StatementTypes.ConsentRevoked => new ConsentRevoked(id, issuedAt,
                o.Required("consentId", ValueRules.BrokerId),
                o.Required("holder", ValueRules.ProviderId),
                o.Required("handle", ValueRules.Handle)),
            StatementTypes.ConsentExpired => new ConsentExpired(id, issuedAt,
                o.Required("consentId", ValueRules.BrokerId),
                o.Required("holder", ValueRules.ProviderId),
                o.Required("handle", ValueRules.Handle)),
            StatementTypes.HoldingsInherited => new HoldingsHandedDown(id, issuedAt,
                o.Required("hop", ValueRules.EntryIndex),
                o.Required("holder", ValueRules.ProviderId),
                o.Required("handle", ValueRules.Handle),
                o.Objects("categories", 1, 64, InheritedCategory)),
            StatementTypes.ObligationDue => new ObligationDue(id, issuedAt,
                o.Required("obligationId", ValueRules.BrokerId),
                o.Required("holder", ValueRules.ProviderId),
                o.Required("handle", ValueRules.Handle),
                o.Array("categories", 1, 64, _category),
                o.Required("consentId", ValueRules.BrokerId),
                o.Required("dueAt", ValueRules.Time)),
            StatementTypes.ObligationOverdue => new ObligationOverdue(id, issuedAt,
                o.Required("obligationId", ValueRules.BrokerId),
                o.Required("holder", ValueRules.ProviderId),
                o.Required("handle", ValueRules.Handle),
                o.Required("dueAt", ValueRules.Time)),
            StatementTypes.ProviderRegistered => new ProviderRegistered(id, issuedAt,
                o.Required("provider", ValueRules.ProviderId),
                o.Required("name", ValueRules.Text(1, 200)),
                o.Required("jurisdiction", ValueRules.Jurisdiction),
                o.Required("sector", ValueRules.Text(1, 100)),
                o.Required("contact", ValueRules.Text(1, 200))),
            StatementTypes.ProviderKeyAdded => new ProviderKeyAdded(id, issuedAt,
                o.Required("provider", ValueRules.ProviderId),
                o.Required("kid", ValueRules.Kid),
                o.Required("publicKey", ValueRules.Ed25519PublicKey),
                o.Required("validFrom", ValueRules.Time),
                o.OptionalValue("validUntil", ValueRules.Time)),
            StatementTypes.ProviderKeyRetired => new ProviderKeyRetired(id, issuedAt,
                o.Required("provider", ValueRules.ProviderId),
                o.Required("kid", ValueRules.Kid),
                o.Required("retiredAt", ValueRules.Time)),
            _ => null,
        };
        if (statement is null)
        {
            // Without a known type there is no list of members to hold the others against.
            errors.Add("type", $"'{type}' is not a statement type");
            return null;
        }
        o.RejectUnknownMembers();
        return statement;
    }

    // Flat in the statement: a breach report is read by people, and nesting would only add a level.
    private BreachDetails BreachDetails(PayloadObject o) => new(
        o.Required("summary", LongText),
        o.Required("windowFrom", ValueRules.Time),
        o.Required("windowUntil", ValueRules.Time),
        o.Array("categories", 0, 64, _category),
        o.Required("cause", LongText),
        o.Required("discoveredAt", ValueRules.Time),
        o.Required("discoveredHow", ValueRules.Text(1, 1000)),
        o.Required("severity", Severity),
        o.Required("estimatedRecords", ValueRules.Count),
        o.Required("measures", LongText),
        o.Required("contact", ValueRules.Text(1, 200)),
        o.Required("wrongfulPurpose", ValueRules.Boolean),
        o.Required("financialLossRisk", ValueRules.Boolean),
        o.Optional("secondaryHarm", LongText),
        o.Optional("responseToPeople", LongText),
        o.Optional("publication", LongText),
        o.Optional("prevention", LongText));

    private static BreachChanges BreachChanges(PayloadObject o) => new(
        o.Required("status", UpdateStatus),
        o.Required("note", LongText),
        o.OptionalValue("estimatedRecords", ValueRules.Count),
        o.Optional("cause", LongText),
        o.Optional("measures", LongText),
        o.Optional("secondaryHarm", LongText),
        o.Optional("responseToPeople", LongText),
        o.Optional("publication", LongText),
        o.Optional("prevention", LongText));

    private BreachAssessment BreachAssessment(PayloadObject o) => new(
        o.Object("figures", BreachFigures),
        o.Required("urgency", Severity),
        o.Object("appi", LawAssessment),
        o.Object("gdpr", LawAssessment),
        o.Objects("deadlines", 0, 10, ReportDeadline),
        o.Required("notified", ValueRules.Count));

    private BreachFigures BreachFigures(PayloadObject o) => new(
        o.Required("people", ValueRules.Count),
        o.Required("sensitivePeople", ValueRules.Count),
        o.Required("directPeople", ValueRules.Count),
        o.Objects("byCategory", 0, Statements.BreachFigures.MaxListed, c => new CategoryCount(
            c.Required("category", _category), c.Required("sensitive", ValueRules.Boolean), c.Required("people", ValueRules.Count))),
        o.Objects("byLevel", 0, 5, c => new LevelCount(c.Required("level", ValueRules.Integer(0, 4)), c.Required("people", ValueRules.Count))),
        o.Objects("byTerms", 0, Statements.BreachFigures.MaxListed, c => new TermsCount(c.Required("termsSha256", ValueRules.Sha256), c.Required("people", ValueRules.Count))),
        o.Objects("upstream", 0, Statements.BreachFigures.MaxListed, ProviderCount),
        o.Objects("downstream", 0, Statements.BreachFigures.MaxListed, ProviderCount),
        o.Array("jurisdictions", 0, 250, ValueRules.Jurisdiction));

    private static ProviderCount ProviderCount(PayloadObject o) => new(
        o.Required("provider", ValueRules.ProviderId),
        o.Optional("termsSha256", ValueRules.Sha256),
        o.Required("people", ValueRules.Count));

    private static LawAssessment LawAssessment(PayloadObject o) => new(
        o.Required("reportable", ValueRules.Boolean),
        o.Array("reasons", 1, 10, ValueRules.Text(1, 500)));

    private static ReportDeadline ReportDeadline(PayloadObject o) => new(
        o.Required("law", ValueRules.OneOf(["appi", "gdpr"])),
        o.Required("report", ValueRules.OneOf(["preliminary", "final", "authority"])),
        o.Required("dueAt", ValueRules.Time));

    private static ProfileDeclared ProfileDeclared(PayloadObject o, string id, DateTimeOffset issuedAt) => new(id, issuedAt,
        o.Required("provider", ValueRules.ProviderId),
        o.Required("level", Level),
        o.Required("encryptionAtRest", ValueRules.Boolean),
        o.Required("encryptionInTransit", ValueRules.Boolean),
        o.Required("pseudonymisation", ValueRules.Boolean),
        o.Required("accessLogging", ValueRules.Boolean),
        o.Objects("certifications", 0, 20, Certification),
        o.Array("storageJurisdictions", 1, 20, ValueRules.Jurisdiction),
        o.Required("retentionDays", ValueRules.Integer(0, 36500)),
        o.Array("subprocessors", 0, 50, Subprocessor));

    private static Certification Certification(PayloadObject o) => new(
        o.Required("scheme", ValueRules.Scheme),
        o.Required("identifier", ValueRules.Text(1, 200)),
        o.Required("validUntil", ValueRules.Date));

    private static TermsDeclared TermsDeclared(PayloadObject o, string id, DateTimeOffset issuedAt) => new(id, issuedAt,
        o.Required("provider", ValueRules.ProviderId),
        o.Required("sha256", ValueRules.Sha256),
        o.Required("title", ValueRules.Text(1, 200)),
        o.Optional("text", ValueRules.Text(1, TermsTextMaxLength)),
        o.Object("summary", TermsSummary));

    private static TermsSummary TermsSummary(PayloadObject o) => new(
        o.Required("onwardTransferAllowed", ValueRules.Boolean),
        o.Required("breachNotificationHours", ValueRules.Integer(1, 8760)),
        o.Required("deletionDays", ValueRules.Integer(0, 3650)),
        o.Required("governingJurisdiction", ValueRules.Jurisdiction));

    private DataCollected DataCollected(PayloadObject o, string id, DateTimeOffset issuedAt) => new(id, issuedAt,
        o.Required("provider", ValueRules.ProviderId),
        o.Required("handle", ValueRules.Handle),
        o.Array("categories", 1, 64, _category),
        o.Array("purposes", 1, 32, _use),
        o.Required("legalBasis", ValueRules.LegalBasis),
        o.Optional("consentId", ValueRules.BrokerId));

    private DataTransferred DataTransferred(PayloadObject o, string id, DateTimeOffset issuedAt) => new(id, issuedAt,
        o.Required("provider", ValueRules.ProviderId),
        o.Required("handle", ValueRules.Handle),
        o.Required("recipient", ValueRules.ProviderId),
        o.Array("categories", 1, 64, _category),
        o.Array("purposes", 1, 32, _use),
        o.Required("legalBasis", ValueRules.LegalBasis),
        o.Optional("consentId", ValueRules.BrokerId),
        o.Required("termsSha256", ValueRules.Sha256));

    private DataReceived DataReceived(PayloadObject o, string id, DateTimeOffset issuedAt) => new(id, issuedAt,
        o.Required("provider", ValueRules.ProviderId),
        o.Required("handle", ValueRules.Handle),
        o.Required("sender", ValueRules.ProviderId),
        o.Required("transferId", ValueRules.StatementId),
        o.Array("categories", 1, 64, _category),
        o.Required("obtainedVia", ValueRules.Text(1, 500)));

    private DataDeleted DataDeleted(PayloadObject o, string id, DateTimeOffset issuedAt) => new(id, issuedAt,
        o.Required("provider", ValueRules.ProviderId),
        o.Required("handle", ValueRules.Handle),
        o.Array("categories", 1, 64, _category),
        o.Optional("obligationId", ValueRules.BrokerId));

    private ConsentTerms ConsentTerms(PayloadObject o) => new(
        o.Array("categories", 1, 64, _category),
        o.Array("purposes", 1, 32, _use),
        o.Object("onwardTransfer", OnwardTransfer),
        o.Required("retentionDays", ValueRules.Integer(1, 36500)),
        o.Required("expiresAt", ValueRules.Time));

    // The copies depend on every consent their sender's copies did, however many the person gave: the broker's own
    // statement names them all, as the transfer's inheritedRoots note does, lest a provider's true report fail for
    // the broker's bookkeeping. Only the broker makes it; the log entry's size bounds it, as it bounds that note.
    private InheritedCategory InheritedCategory(PayloadObject o) => new(
        o.Required("category", _category),
        o.Array("consents", 0, int.MaxValue, ValueRules.BrokerId),
        o.Required("ownBasis", ValueRules.Boolean));

    private static OnwardTransfer OnwardTransfer(PayloadObject o) => new(
        o.Required("allowed", ValueRules.Boolean),
        o.Array("recipients", 0, 50, ValueRules.ProviderId),
        o.OptionalValue("minimumLevel", Level),
        o.Array("termsSha256", 0, 20, ValueRules.Sha256));
}

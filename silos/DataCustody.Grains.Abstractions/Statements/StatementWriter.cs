using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using DataCustody.Grains.Taxonomy;

namespace DataCustody.Grains.Statements;

/// <summary>
/// Writes the canonical JSON of a statement: compact, members in the documented order, optional members
/// only when present, times in UTC, strings escaped only where JSON requires it.
/// </summary>
internal static class StatementWriter
{
    // The bytes are signed and logged, never embedded in HTML, so only JSON's own escapes are needed; the
    // default encoder would also escape '+', '&' and every non-ASCII character.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The canonical JSON of <paramref name="statement"/>.</summary>
    public static byte[] Write(Statement statement)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("id", statement.Id);
            w.WriteString("issuedAt", WireFormat.FormatTime(statement.IssuedAt));
            w.WriteString("type", statement.Type);
            if (statement is ProviderStatement provider)
            {
                w.WriteString("provider", provider.Provider);
            }
            WriteMembers(w, statement);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteMembers(Utf8JsonWriter w, Statement statement)
    {
        switch (statement)
        {
            case ProfileDeclared s:
                w.WriteNumber("level", s.Level);
                w.WriteBoolean("encryptionAtRest", s.EncryptionAtRest);
                w.WriteBoolean("encryptionInTransit", s.EncryptionInTransit);
                w.WriteBoolean("pseudonymisation", s.Pseudonymisation);
                w.WriteBoolean("accessLogging", s.AccessLogging);
                w.WriteStartArray("certifications");
                foreach (var certification in s.Certifications)
                {
                    w.WriteStartObject();
                    w.WriteString("scheme", CertificationSchemes.ToKey(certification.Scheme));
                    w.WriteString("identifier", certification.Identifier);
                    w.WriteString("validUntil", WireFormat.FormatDate(certification.ValidUntil));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                WriteStrings(w, "storageJurisdictions", s.StorageJurisdictions);
                w.WriteNumber("retentionDays", s.RetentionDays);
                WriteStrings(w, "subprocessors", s.Subprocessors);
                break;
            case TermsDeclared s:
                w.WriteString("sha256", s.Sha256);
                w.WriteString("title", s.Title);
                WriteOptional(w, "text", s.Text);
                w.WriteStartObject("summary");
                w.WriteBoolean("onwardTransferAllowed", s.Summary.OnwardTransferAllowed);
                w.WriteNumber("breachNotificationHours", s.Summary.BreachNotificationHours);
                w.WriteNumber("deletionDays", s.Summary.DeletionDays);
                w.WriteString("governingJurisdiction", s.Summary.GoverningJurisdiction);
                w.WriteEndObject();
                break;
            case DataCollected s:
                w.WriteString("handle", s.Handle);
                WriteStrings(w, "categories", s.Categories);
                WriteStrings(w, "purposes", s.Purposes);
                w.WriteString("legalBasis", LegalBases.ToKey(s.LegalBasis));
                WriteOptional(w, "consentId", s.ConsentId);
                break;
            case DataTransferred s:
                w.WriteString("handle", s.Handle);
                w.WriteString("recipient", s.Recipient);
                WriteStrings(w, "categories", s.Categories);
                WriteStrings(w, "purposes", s.Purposes);
                w.WriteString("legalBasis", LegalBases.ToKey(s.LegalBasis));
                WriteOptional(w, "consentId", s.ConsentId);
                w.WriteString("termsSha256", s.TermsSha256);
                break;
            case DataReceived s:
                w.WriteString("handle", s.Handle);
                w.WriteString("sender", s.Sender);
                w.WriteString("transferId", s.TransferId);
                WriteStrings(w, "categories", s.Categories);
                w.WriteString("obtainedVia", s.ObtainedVia);
                break;
            case DataDeleted s:
                w.WriteString("handle", s.Handle);
                WriteStrings(w, "categories", s.Categories);
                WriteOptional(w, "obligationId", s.ObligationId);
                break;
            case BreachReported s:
                w.WriteString("breachId", s.BreachId);
                WriteDetails(w, s.Details);
                break;
            case BreachUpdated s:
                w.WriteString("breachId", s.BreachId);
                WriteChanges(w, s.Changes);
                break;
            case BreachReviewed s:
                w.WriteString("breachId", s.BreachId);
                w.WriteString("obligationId", s.ObligationId);
                w.WriteString("findings", s.Findings);
                w.WriteString("measures", s.Measures);
                break;
            case BreachFiled s:
                w.WriteString("breachId", s.BreachId);
                w.WriteString("holder", s.Holder);
                WriteDetails(w, s.Details);
                break;
            case BreachRevised s:
                w.WriteString("breachId", s.BreachId);
                w.WriteString("holder", s.Holder);
                WriteChanges(w, s.Changes);
                break;
            case BreachAssessed s:
                w.WriteString("breachId", s.BreachId);
                w.WriteString("holder", s.Holder);
                WriteAssessment(w, s.Assessment);
                break;
            case BreachReviewDue s:
                w.WriteString("obligationId", s.ObligationId);
                w.WriteString("breachId", s.BreachId);
                w.WriteString("holder", s.Holder);
                w.WriteString("breachedHolder", s.BreachedHolder);
                w.WriteNumber("people", s.People);
                w.WriteString("dueAt", WireFormat.FormatTime(s.DueAt));
                break;
            case HandleIssued s:
                w.WriteString("provider", s.Provider);
                w.WriteString("handle", s.Handle);
                break;
            case ConsentRequested s:
                w.WriteString("requestId", s.RequestId);
                w.WriteString("holder", s.Holder);
                w.WriteString("handle", s.Handle);
                WriteTerms(w, s.Terms);
                break;
            case ConsentRejected s:
                w.WriteString("requestId", s.RequestId);
                w.WriteString("holder", s.Holder);
                w.WriteString("handle", s.Handle);
                break;
            case ConsentGranted s:
                w.WriteString("consentId", s.ConsentId);
                WriteOptional(w, "requestId", s.RequestId);
                w.WriteString("holder", s.Holder);
                w.WriteString("handle", s.Handle);
                WriteTerms(w, s.Terms);
                break;
            case ConsentRevoked s:
                w.WriteString("consentId", s.ConsentId);
                w.WriteString("holder", s.Holder);
                w.WriteString("handle", s.Handle);
                break;
            case ConsentExpired s:
                w.WriteString("consentId", s.ConsentId);
                w.WriteString("holder", s.Holder);
                w.WriteString("handle", s.Handle);
                break;
            case HoldingsHandedDown s:
                w.WriteNumber("hop", s.Hop);
                w.WriteString("holder", s.Holder);
                w.WriteString("handle", s.Handle);
                WriteObjects(w, "categories", s.Categories, (w, c) =>
                {
                    w.WriteString("category", c.Category);
                    WriteStrings(w, "consents", c.Consents);
                    w.WriteBoolean("ownBasis", c.OwnBasis);
                });
                break;
            case ObligationDue s:
                w.WriteString("obligationId", s.ObligationId);
                w.WriteString("holder", s.Holder);
                w.WriteString("handle", s.Handle);
                WriteStrings(w, "categories", s.Categories);
                w.WriteString("consentId", s.ConsentId);
                w.WriteString("dueAt", WireFormat.FormatTime(s.DueAt));
                break;
            case ObligationOverdue s:
                w.WriteString("obligationId", s.ObligationId);
                w.WriteString("holder", s.Holder);
                w.WriteString("handle", s.Handle);
                w.WriteString("dueAt", WireFormat.FormatTime(s.DueAt));
                break;
            case ProviderRegistered s:
                w.WriteString("provider", s.Provider);
                w.WriteString("name", s.Name);
                w.WriteString("jurisdiction", s.Jurisdiction);
                w.WriteString("sector", s.Sector);
                w.WriteString("contact", s.Contact);
                break;
            case ProviderKeyAdded s:
                w.WriteString("provider", s.Provider);
                w.WriteString("kid", s.Kid);
                w.WriteString("publicKey", s.PublicKey);
                w.WriteString("validFrom", WireFormat.FormatTime(s.ValidFrom));
                if (s.ValidUntil is { } validUntil)
                {
                    w.WriteString("validUntil", WireFormat.FormatTime(validUntil));
                }
                break;
            case ProviderKeyRetired s:
                w.WriteString("provider", s.Provider);
                w.WriteString("kid", s.Kid);
                w.WriteString("retiredAt", WireFormat.FormatTime(s.RetiredAt));
                break;
            default:
                throw new ArgumentException($"{statement.GetType()} is not a statement type this codec knows.", nameof(statement));
        }
    }

    private static void WriteDetails(Utf8JsonWriter w, BreachDetails d)
    {
        w.WriteString("summary", d.Summary);
        w.WriteString("windowFrom", WireFormat.FormatTime(d.WindowFrom));
        w.WriteString("windowUntil", WireFormat.FormatTime(d.WindowUntil));
        WriteStrings(w, "categories", d.Categories);
        w.WriteString("cause", d.Cause);
        w.WriteString("discoveredAt", WireFormat.FormatTime(d.DiscoveredAt));
        w.WriteString("discoveredHow", d.DiscoveredHow);
        w.WriteString("severity", d.Severity);
        w.WriteNumber("estimatedRecords", d.EstimatedRecords);
        w.WriteString("measures", d.Measures);
        w.WriteString("contact", d.Contact);
        w.WriteBoolean("wrongfulPurpose", d.WrongfulPurpose);
        w.WriteBoolean("financialLossRisk", d.FinancialLossRisk);
        WriteOptional(w, "secondaryHarm", d.SecondaryHarm);
        WriteOptional(w, "responseToPeople", d.ResponseToPeople);
        WriteOptional(w, "publication", d.Publication);
        WriteOptional(w, "prevention", d.Prevention);
    }

    private static void WriteChanges(Utf8JsonWriter w, BreachChanges c)
    {
        w.WriteString("status", c.Status);
        w.WriteString("note", c.Note);
        if (c.EstimatedRecords is { } estimate)
        {
            w.WriteNumber("estimatedRecords", estimate);
        }
        WriteOptional(w, "cause", c.Cause);
        WriteOptional(w, "measures", c.Measures);
        WriteOptional(w, "secondaryHarm", c.SecondaryHarm);
        WriteOptional(w, "responseToPeople", c.ResponseToPeople);
        WriteOptional(w, "publication", c.Publication);
        WriteOptional(w, "prevention", c.Prevention);
    }

    private static void WriteAssessment(Utf8JsonWriter w, BreachAssessment a)
    {
        w.WriteStartObject("assessment");
        var f = a.Figures;
        w.WriteStartObject("figures");
        w.WriteNumber("people", f.People);
        w.WriteNumber("sensitivePeople", f.SensitivePeople);
        w.WriteNumber("directPeople", f.DirectPeople);
        WriteObjects(w, "byCategory", f.ByCategory, (w, c) =>
        {
            w.WriteString("category", c.Category);
            w.WriteBoolean("sensitive", c.Sensitive);
            w.WriteNumber("people", c.People);
        });
        WriteObjects(w, "byLevel", f.ByLevel, (w, c) =>
        {
            w.WriteNumber("level", c.Level);
            w.WriteNumber("people", c.People);
        });
        WriteObjects(w, "byTerms", f.ByTerms, (w, c) =>
        {
            w.WriteString("termsSha256", c.TermsSha256);
            w.WriteNumber("people", c.People);
        });
        WriteObjects(w, "upstream", f.Upstream, WriteProviderCount);
        WriteObjects(w, "downstream", f.Downstream, WriteProviderCount);
        WriteStrings(w, "jurisdictions", f.Jurisdictions);
        w.WriteEndObject();
        w.WriteString("urgency", a.Urgency);
        WriteLaw(w, "appi", a.Appi);
        WriteLaw(w, "gdpr", a.Gdpr);
        WriteObjects(w, "deadlines", a.Deadlines, (w, d) =>
        {
            w.WriteString("law", d.Law);
            w.WriteString("report", d.Report);
            w.WriteString("dueAt", WireFormat.FormatTime(d.DueAt));
        });
        w.WriteNumber("notified", a.Notified);
        w.WriteEndObject();
    }

    private static void WriteProviderCount(Utf8JsonWriter w, ProviderCount c)
    {
        w.WriteString("provider", c.Provider);
        WriteOptional(w, "termsSha256", c.TermsSha256);
        w.WriteNumber("people", c.People);
    }

    private static void WriteLaw(Utf8JsonWriter w, string name, LawAssessment law)
    {
        w.WriteStartObject(name);
        w.WriteBoolean("reportable", law.Reportable);
        WriteStrings(w, "reasons", law.Reasons);
        w.WriteEndObject();
    }

    private static void WriteObjects<T>(Utf8JsonWriter w, string name, EquatableArray<T> items, Action<Utf8JsonWriter, T> write)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            write(w, item);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteTerms(Utf8JsonWriter w, ConsentTerms terms)
    {
        w.WriteStartObject("terms");
        WriteStrings(w, "categories", terms.Categories);
        WriteStrings(w, "purposes", terms.Purposes);
        w.WriteStartObject("onwardTransfer");
        w.WriteBoolean("allowed", terms.OnwardTransfer.Allowed);
        WriteStrings(w, "recipients", terms.OnwardTransfer.Recipients);
        if (terms.OnwardTransfer.MinimumLevel is { } minimumLevel)
        {
            w.WriteNumber("minimumLevel", minimumLevel);
        }
        WriteStrings(w, "termsSha256", terms.OnwardTransfer.TermsSha256);
        w.WriteEndObject();
        w.WriteNumber("retentionDays", terms.RetentionDays);
        w.WriteString("expiresAt", WireFormat.FormatTime(terms.ExpiresAt));
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, EquatableArray<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }
        w.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}

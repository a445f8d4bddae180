using System.Text;
using System.Text.Json;
using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;
using DataCustody.Storage.Custody;
using DataCustody.Transparency.Codecs;

namespace DataCustody.Grains.Custody.Projection;

/// <summary>
/// The changes each kind of entry makes to the projections: a pure function of the entry, its
/// statement and the broker's notes, so projections rebuilt from the log equal the live ones.
/// </summary>
public static class EntryProjection
{
    /// <summary>The changes <paramref name="decoded"/> makes, in the order they apply.</summary>
    public static IReadOnlyList<ProjectionChange> Changes(DecodedEntry decoded)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        var (index, entry, statement, payload, payloadSha256) = decoded;
        var notes = entry.Notes;
        var at = entry.RecordedAtMs;
        // The statement's text, for the rows that keep it; most entries' rows do not.
        string Json() => Encoding.UTF8.GetString(payload);
        var changes = new List<ProjectionChange>();

        if (statement is ProviderStatement provided)
        {
            changes.Add(new RowAdded(new StatementRow
            {
                ProviderId = provided.Provider,
                StatementId = provided.Id,
                PayloadSha256 = payloadSha256,
                EntryIndex = index,
            }));
        }

        switch (statement)
        {
            case ProviderRegistered r:
                changes.Add(new RowAdded(new ProviderRow
                {
                    ProviderId = r.Provider, Name = r.Name, Jurisdiction = r.Jurisdiction, Sector = r.Sector, Contact = r.Contact, RegisteredIndex = index,
                }));
                break;
            case ProviderKeyAdded k:
                changes.Add(new RowAdded(new ProviderKeyRow
                {
                    ProviderId = k.Provider,
                    Kid = k.Kid,
                    PublicKey = StrictBase64.TryDecodeUrl(Encoding.ASCII.GetBytes(k.PublicKey), out var key) ? key : throw new InvalidDataException($"Entry {index} has a bad public key."),
                    ValidFromMs = k.ValidFrom.ToUnixTimeMilliseconds(),
                    ValidUntilMs = k.ValidUntil?.ToUnixTimeMilliseconds(),
                    AddedIndex = index,
                }));
                break;
            case ProviderKeyRetired k:
                changes.Add(new KeyRetired(k.Provider, k.Kid, k.RetiredAt.ToUnixTimeMilliseconds()));
                break;
            case ProfileDeclared p:
                changes.Add(new RowAdded(new ProfileRow
                {
                    ProviderId = p.Provider, Version = Required(notes?.Version, index), Level = p.Level, Statement = Json(), DeclaredAtMs = at, EntryIndex = index,
                }));
                break;
            case TermsDeclared t:
                changes.Add(new RowAdded(new TermsRow
                {
                    ProviderId = t.Provider, Sha256 = t.Sha256, Version = Required(notes?.Version, index), Title = t.Title, Statement = Json(), DeclaredAtMs = at, EntryIndex = index,
                }));
                break;
            case HandleIssued h:
                changes.Add(new RowAdded(new HandleRow { Handle = h.Handle, ProviderId = h.Provider, EntryIndex = index }));
                break;
            case ConsentRequested c:
                changes.Add(new RowAdded(new ConsentRequestRow
                {
                    RequestId = c.RequestId, Holder = c.Holder, Handle = c.Handle, Statement = Json(), Status = "pending", RequestedIndex = index,
                }));
                break;
            case ConsentRejected c:
                changes.Add(new RequestDecided(c.RequestId, "rejected", index));
                break;
            case ConsentGranted c:
                changes.Add(new RowAdded(new ConsentRow
                {
                    ConsentId = c.ConsentId, RequestId = c.RequestId, Holder = c.Holder, Handle = c.Handle, Statement = Json(),
                    ExpiresAtMs = c.Terms.ExpiresAt.ToUnixTimeMilliseconds(), Status = "active", GrantedIndex = index,
                }));
                if (c.RequestId is not null)
                {
                    changes.Add(new RequestDecided(c.RequestId, "approved", index));
                }
                break;
            case ConsentRevoked c:
                changes.Add(new ConsentEnded(c.ConsentId, "revoked", index));
                break;
            case ConsentExpired c:
                changes.Add(new ConsentEnded(c.ConsentId, "expired", index));
                break;
            case HoldingsHandedDown h:
                changes.Add(new CopiesHandedDown(h.Hop, h.Categories, index));
                break;
            case ObligationDue o:
                changes.Add(new RowAdded(new ObligationRow
                {
                    ObligationId = o.ObligationId, Holder = o.Holder, Handle = o.Handle, Categories = Array(o.Categories), ConsentId = o.ConsentId,
                    DueAtMs = o.DueAt.ToUnixTimeMilliseconds(), Status = "due", DueIndex = index,
                }));
                break;
            case ObligationOverdue o:
                changes.Add(new ObligationWentOverdue(o.ObligationId, index));
                break;
            case DataCollected c:
                foreach (var category in c.Categories.Distinct())
                {
                    changes.Add(new RowAdded(new HoldingRow
                    {
                        Holder = c.Provider, Handle = c.Handle, Category = category, AcquiredIndex = index, AcquiredAtMs = at,
                        // A collection on another basis than consent stands on it; one on consent depends on the consent
                        // found, and without one (flagged no-consent) stands on nothing.
                        RootConsentId = notes?.RootConsent, OnOwnBasis = c.LegalBasis != LegalBasis.Consent, ProfileVersion = notes?.Version,
                    }));
                }
                break;
            case BreachReported b:
                changes.Add(new RowAdded(Breach(b.BreachId, b.Provider, "holder", index, at)));
                changes.Add(new RowAdded(BreachEntry(b.BreachId, decoded, Json())));
                break;
            case BreachFiled b:
                changes.Add(new RowAdded(Breach(b.BreachId, b.Holder, "regulator", index, at)));
                changes.Add(new RowAdded(BreachEntry(b.BreachId, decoded, Json())));
                break;
            case BreachUpdated b:
                changes.Add(new BreachStageReached(b.BreachId, b.Changes.Status, index));
                changes.Add(new RowAdded(BreachEntry(b.BreachId, decoded, Json())));
                break;
            case BreachReviewed b:
                changes.Add(new BreachReviewAnswered(b.ObligationId, index, at));
                changes.Add(new RowAdded(BreachEntry(b.BreachId, decoded, Json())));
                break;
            case BreachRevised b:
                changes.Add(new BreachStageReached(b.BreachId, b.Changes.Status, index));
                changes.Add(new RowAdded(BreachEntry(b.BreachId, decoded, Json())));
                break;
            case BreachAssessed b:
                changes.Add(new BreachAssessedAt(b.BreachId, index));
                changes.Add(new RowAdded(BreachEntry(b.BreachId, decoded, Json())));
                break;
            case BreachReviewDue r:
                changes.Add(new RowAdded(new BreachReviewRow
                {
                    ObligationId = r.ObligationId, BreachId = r.BreachId, Holder = r.Holder, BreachedHolder = r.BreachedHolder,
                    People = r.People, DueAtMs = r.DueAt.ToUnixTimeMilliseconds(), DueIndex = index,
                }));
                break;
            case DataTransferred t:
                Transferred(changes, index, at, t, notes);
                break;
            case DataReceived r:
                Received(changes, index, at, r, notes);
                break;
            case DataDeleted d:
                changes.Add(new HoldingsReleased(d.Provider, d.Handle, [.. d.Categories], index, at));
                foreach (var obligation in notes?.Answers ?? [])
                {
                    changes.Add(new ObligationAnswered(obligation, index));
                }
                break;
        }

        foreach (var violation in notes?.Violations ?? [])
        {
            changes.Add(new RowAdded(new ViolationRow
            {
                EntryIndex = index,
                Code = violation.Code,
                ProviderId = (statement as ProviderStatement)?.Provider ?? Ledger.LogEntry.Broker,
                Handle = HandleOf(statement),
                Detail = violation.Detail,
            }));
        }
        return changes;
    }

    /// <summary>A list of keys as stored in JSON columns.</summary>
    public static string Array(IEnumerable<string> keys) => JsonSerializer.Serialize(keys.ToArray(), ProjectionJsonContext.Default.StringArray);

    /// <summary>Reads a list of keys from a JSON column.</summary>
    public static string[] ReadArray(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize(json, ProjectionJsonContext.Default.StringArray) ?? [];

    private static void Transferred(List<ProjectionChange> changes, long index, long at, DataTransferred t, Ledger.EntryNotes? notes)
    {
        var hop = new HopRow
        {
            HopId = notes?.Hop ?? index,
            Sender = t.Provider,
            SenderHandle = t.Handle,
            Recipient = t.Recipient,
            RecipientHandle = notes?.RecipientHandle,
            TransferId = t.Id,
            Categories = Array(t.Categories),
            Purposes = Array(t.Purposes),
            LegalBasis = LegalBases.ToKey(t.LegalBasis),
            ConsentId = t.ConsentId,
            RootConsentId = notes?.RootConsent,
            TermsSha256 = t.TermsSha256,
            SenderProfileVersion = notes?.SenderProfile,
            RecipientProfileVersion = notes?.RecipientProfile,
            TransferredAtMs = at,
            TransferIndex = index,
        };
        if (notes?.Hop is not null)
        {
            // The recipient reported this hop first; its copies exist since then and now learn
            // what they depend on.
            changes.Add(new HopCompleted(hop));
            changes.Add(new HoldingsInherited(hop.HopId, notes.RootConsent, notes.InheritedRoots, notes.OwnBasis, t.TermsSha256));
            return;
        }
        changes.Add(new RowAdded(hop));
        foreach (var category in t.Categories.Distinct())
        {
            changes.Add(new RowAdded(HoldingRoots.With(new HoldingRow
            {
                Holder = t.Recipient, Handle = notes?.RecipientHandle ?? throw new InvalidDataException($"Transfer entry {index} names no recipient handle."),
                Category = category, AcquiredIndex = index, AcquiredAtMs = at, ViaHop = index, SourceHolder = t.Provider,
                OnOwnBasis = HoldingRoots.OnOwnBasis(category, notes.OwnBasis), ProfileVersion = notes.RecipientProfile, TermsSha256 = t.TermsSha256,
            }, HoldingRoots.For(category, notes.RootConsent, notes.InheritedRoots))));
        }
    }

    private static void Received(List<ProjectionChange> changes, long index, long at, DataReceived r, Ledger.EntryNotes? notes)
    {
        if (notes?.Hop is { } hopId)
        {
            changes.Add(new HopConfirmed(hopId, r.Handle, at, index, r.ObtainedVia));
            return;
        }
        changes.Add(new RowAdded(new HopRow
        {
            HopId = index, Sender = r.Sender, Recipient = r.Provider, RecipientHandle = r.Handle, TransferId = r.TransferId,
            Categories = Array(r.Categories), RecipientProfileVersion = notes?.RecipientProfile, ReceivedAtMs = at, ReceivedIndex = index, ObtainedVia = r.ObtainedVia,
        }));
        foreach (var category in r.Categories.Distinct())
        {
            changes.Add(new RowAdded(new HoldingRow
            {
                Holder = r.Provider, Handle = r.Handle, Category = category, AcquiredIndex = index, AcquiredAtMs = at, ViaHop = index,
                SourceHolder = r.Sender, ProfileVersion = notes?.RecipientProfile,
            }));
        }
    }

    private static BreachRow Breach(string breachId, string holder, string filedBy, long index, long at) => new()
    {
        BreachId = breachId, Holder = holder, FiledBy = filedBy, Status = BreachStatuses.Reported, FiledIndex = index, FiledAtMs = at, UpdatedIndex = index,
    };

    private static BreachEntryRow BreachEntry(string breachId, DecodedEntry decoded, string json) => new()
    {
        BreachId = breachId, EntryIndex = decoded.Index, Type = decoded.Statement.Type, Statement = json, RecordedAtMs = decoded.Entry.RecordedAtMs,
    };

    private static string? HandleOf(Statement statement) => statement switch
    {
        DataCollected s => s.Handle,
        DataTransferred s => s.Handle,
        DataReceived s => s.Handle,
        DataDeleted s => s.Handle,
        _ => null,
    };

    private static long Required(long? value, long index) =>
        value ?? throw new InvalidDataException($"Entry {index} lacks the version the broker assigned.");
}

using DataCustody.Grains.Compliance;

namespace DataCustody.Gateway.Apis.Compliance;

/// <summary>An APPI article 29 record: personal data the provider gave a third party.</summary>
/// <param name="ProvidedAt">When the broker recorded the transfer.</param>
/// <param name="EntryIndex">The log entry of the transfer statement.</param>
/// <param name="HopId">The hop.</param>
/// <param name="TransferId">The provider's statement id.</param>
/// <param name="Recipient">The recipient, with name and contact.</param>
/// <param name="Handle">The provider's handle of the person.</param>
/// <param name="Categories">The data items provided.</param>
/// <param name="Purposes">The purposes named.</param>
/// <param name="LegalBasis">The legal basis named (<c>consent</c>, <c>contract</c>, ...).</param>
/// <param name="ConsentId">The consent relied on, if named.</param>
/// <param name="RecipientConfirmed">Whether the recipient reported receiving it.</param>
public sealed record ProvisionRecordResponse(
    DateTimeOffset ProvidedAt, long EntryIndex, long HopId, string TransferId, CounterpartyResponse Recipient, string Handle,
    IReadOnlyList<string> Categories, IReadOnlyList<string> Purposes, string LegalBasis, string? ConsentId, bool RecipientConfirmed)
{
    /// <summary>The CSV columns, in order.</summary>
    internal static readonly string[] CsvHeader =
        ["providedAt", "entryIndex", "hopId", "transferId", "recipientId", "recipientName", "recipientJurisdiction", "recipientContact",
         "handle", "categories", "purposes", "legalBasis", "consentId", "recipientConfirmed"];

    internal static ProvisionRecordResponse From(ProvisionRecord r) =>
        new(r.ProvidedAt, r.EntryIndex, r.HopId, r.TransferId, CounterpartyResponse.From(r.Recipient), r.Handle, r.Categories, r.Purposes, r.LegalBasis, r.ConsentId, r.RecipientConfirmed);

    /// <summary>The record as a CSV row.</summary>
    internal IReadOnlyList<string?> CsvRow() =>
    [
        CsvFields.Time(ProvidedAt), CsvFields.Number(EntryIndex), CsvFields.Number(HopId), TransferId, Recipient.ProviderId, Recipient.Name,
        Recipient.Jurisdiction, Recipient.Contact, Handle, CsvFields.List(Categories), CsvFields.List(Purposes), LegalBasis, ConsentId, CsvFields.Flag(RecipientConfirmed),
    ];
}

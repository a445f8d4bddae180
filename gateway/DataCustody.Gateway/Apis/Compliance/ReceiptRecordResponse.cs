using DataCustody.Grains.Compliance;

namespace DataCustody.Gateway.Apis.Compliance;

/// <summary>An APPI article 30 record: personal data the provider received from a third party, and what it confirmed.</summary>
/// <param name="ReceivedAt">When the broker recorded the receipt.</param>
/// <param name="EntryIndex">The log entry of the receipt statement.</param>
/// <param name="HopId">The hop.</param>
/// <param name="TransferId">The sender's statement id of the transfer.</param>
/// <param name="Sender">The sender, with name and contact.</param>
/// <param name="ObtainedVia">How the sender obtained the data, as confirmed.</param>
/// <param name="Handle">The provider's handle of the person.</param>
/// <param name="Categories">The data items received.</param>
/// <param name="SenderConfirmed">Whether the sender reported the transfer.</param>
public sealed record ReceiptRecordResponse(
    DateTimeOffset ReceivedAt, long EntryIndex, long HopId, string TransferId, CounterpartyResponse Sender, string? ObtainedVia, string Handle,
    IReadOnlyList<string> Categories, bool SenderConfirmed)
{
    /// <summary>The CSV columns, in order.</summary>
    internal static readonly string[] CsvHeader =
        ["receivedAt", "entryIndex", "hopId", "transferId", "senderId", "senderName", "senderJurisdiction", "senderContact",
         "obtainedVia", "handle", "categories", "senderConfirmed"];

    internal static ReceiptRecordResponse From(ReceiptRecord r) =>
        new(r.ReceivedAt, r.EntryIndex, r.HopId, r.TransferId, CounterpartyResponse.From(r.Sender), r.ObtainedVia, r.Handle, r.Categories, r.SenderConfirmed);

    /// <summary>The record as a CSV row.</summary>
    internal IReadOnlyList<string?> CsvRow() =>
    [
        CsvFields.Time(ReceivedAt), CsvFields.Number(EntryIndex), CsvFields.Number(HopId), TransferId, Sender.ProviderId, Sender.Name,
        Sender.Jurisdiction, Sender.Contact, ObtainedVia, Handle, CsvFields.List(Categories), CsvFields.Flag(SenderConfirmed),
    ];
}

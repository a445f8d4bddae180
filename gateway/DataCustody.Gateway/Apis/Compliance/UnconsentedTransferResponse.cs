using DataCustody.Grains.Compliance;

namespace DataCustody.Gateway.Apis.Compliance;

/// <summary>A transfer based on consent that no consent of the person allowed.</summary>
/// <param name="EntryIndex">The log entry of the transfer statement.</param>
/// <param name="HopId">The hop it made.</param>
/// <param name="Sender">The provider that passed the data on.</param>
/// <param name="SenderHandle">The sender's handle of the person.</param>
/// <param name="Recipient">The provider that got it.</param>
/// <param name="RecipientHandle">The recipient's handle of the person.</param>
/// <param name="TransferId">The sender's statement id.</param>
/// <param name="Categories">The data categories passed on.</param>
/// <param name="Purposes">The purposes the sender named.</param>
/// <param name="TransferredAt">When the broker recorded it.</param>
/// <param name="Detail">Why no consent allowed it.</param>
public sealed record UnconsentedTransferResponse(
    long EntryIndex, long HopId, string Sender, string SenderHandle, string Recipient, string? RecipientHandle, string TransferId,
    IReadOnlyList<string> Categories, IReadOnlyList<string> Purposes, DateTimeOffset TransferredAt, string Detail)
{
    internal static UnconsentedTransferResponse From(UnconsentedTransfer t) =>
        new(t.EntryIndex, t.HopId, t.Sender, t.SenderHandle, t.Recipient, t.RecipientHandle, t.TransferId, t.Categories, t.Purposes, t.TransferredAt, t.Detail);
}

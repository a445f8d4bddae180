using DataCustody.Grains.Custody;

namespace DataCustody.Grains.Compliance;

/// <summary>
/// One APPI article 30 record (第三者提供を受ける際の確認記録): personal data a provider received
/// from a third party, as the recipient reported and confirmed it.
/// </summary>
/// <param name="ReceivedAt">When the broker recorded the receipt.</param>
/// <param name="EntryIndex">The log entry of the receipt statement.</param>
/// <param name="HopId">The hop.</param>
/// <param name="TransferId">The sender's statement id of the transfer.</param>
/// <param name="Sender">The sender: name, jurisdiction and contact as registered.</param>
/// <param name="ObtainedVia">How the sender obtained the data, as the recipient confirmed it.</param>
/// <param name="Handle">The recipient's handle of the person.</param>
/// <param name="Categories">The data items (categories) received.</param>
/// <param name="SenderConfirmed">Whether the sender reported the transfer.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Compliance.ReceiptRecord")]
public sealed record ReceiptRecord(
    [property: Id(0)] DateTimeOffset ReceivedAt,
    [property: Id(1)] long EntryIndex,
    [property: Id(2)] long HopId,
    [property: Id(3)] string TransferId,
    [property: Id(4)] ProviderRecord Sender,
    [property: Id(5)] string? ObtainedVia,
    [property: Id(6)] string Handle,
    [property: Id(7)] IReadOnlyList<string> Categories,
    [property: Id(8)] bool SenderConfirmed);

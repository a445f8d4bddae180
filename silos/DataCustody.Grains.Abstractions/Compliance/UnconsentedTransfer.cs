namespace DataCustody.Grains.Compliance;

/// <summary>A transfer its sender based on consent, flagged because no consent of the person allowed it.</summary>
/// <param name="EntryIndex">The log entry of the transfer statement.</param>
/// <param name="HopId">The hop it made.</param>
/// <param name="Sender">The provider that passed the data on.</param>
/// <param name="SenderHandle">The sender's handle of the person.</param>
/// <param name="Recipient">The provider that got it.</param>
/// <param name="RecipientHandle">The recipient's handle of the person.</param>
/// <param name="TransferId">The sender's statement id of the transfer.</param>
/// <param name="Categories">The data categories passed on.</param>
/// <param name="Purposes">The purposes the sender named.</param>
/// <param name="TransferredAt">When the broker recorded the transfer.</param>
/// <param name="Detail">Why no consent allowed it.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Compliance.UnconsentedTransfer")]
public sealed record UnconsentedTransfer(
    [property: Id(0)] long EntryIndex,
    [property: Id(1)] long HopId,
    [property: Id(2)] string Sender,
    [property: Id(3)] string SenderHandle,
    [property: Id(4)] string Recipient,
    [property: Id(5)] string? RecipientHandle,
    [property: Id(6)] string TransferId,
    [property: Id(7)] IReadOnlyList<string> Categories,
    [property: Id(8)] IReadOnlyList<string> Purposes,
    [property: Id(9)] DateTimeOffset TransferredAt,
    [property: Id(10)] string Detail);

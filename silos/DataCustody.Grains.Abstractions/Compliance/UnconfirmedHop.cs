namespace DataCustody.Grains.Compliance;

/// <summary>Which side of a hop reported it.</summary>
public enum HopSide
{
    /// <summary>The sender reported the transfer; the recipient has not confirmed receiving it.</summary>
    Sender,

    /// <summary>The recipient reported receiving it; the sender has not reported the transfer.</summary>
    Recipient,
}

/// <summary>A hop only one side reported.</summary>
/// <param name="HopId">The hop.</param>
/// <param name="ReportedBy">The side that reported it.</param>
/// <param name="Sender">The provider named as sender.</param>
/// <param name="SenderHandle">The sender's handle of the person, when the sender reported.</param>
/// <param name="Recipient">The provider named as recipient.</param>
/// <param name="RecipientHandle">The recipient's handle of the person.</param>
/// <param name="TransferId">The sender's statement id of the transfer.</param>
/// <param name="Categories">The data categories the reporting side named.</param>
/// <param name="ReportedAt">When the broker recorded the report.</param>
/// <param name="EntryIndex">The log entry of the report.</param>
/// <param name="Age">How long the hop has waited for the other side, at the time of the query.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Compliance.UnconfirmedHop")]
public sealed record UnconfirmedHop(
    [property: Id(0)] long HopId,
    [property: Id(1)] HopSide ReportedBy,
    [property: Id(2)] string Sender,
    [property: Id(3)] string? SenderHandle,
    [property: Id(4)] string Recipient,
    [property: Id(5)] string? RecipientHandle,
    [property: Id(6)] string TransferId,
    [property: Id(7)] IReadOnlyList<string> Categories,
    [property: Id(8)] DateTimeOffset ReportedAt,
    [property: Id(9)] long EntryIndex,
    [property: Id(10)] TimeSpan Age);

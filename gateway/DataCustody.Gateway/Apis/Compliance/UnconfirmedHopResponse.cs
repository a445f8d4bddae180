using DataCustody.Grains.Compliance;

namespace DataCustody.Gateway.Apis.Compliance;

/// <summary>A hop only one side reported.</summary>
/// <param name="HopId">The hop.</param>
/// <param name="ReportedBy"><c>sender</c> (the recipient never confirmed) or <c>recipient</c> (the sender never reported).</param>
/// <param name="Sender">The provider named as sender.</param>
/// <param name="SenderHandle">The sender's handle of the person, when the sender reported.</param>
/// <param name="Recipient">The provider named as recipient.</param>
/// <param name="RecipientHandle">The recipient's handle of the person.</param>
/// <param name="TransferId">The sender's statement id of the transfer.</param>
/// <param name="Categories">The data categories the reporting side named.</param>
/// <param name="ReportedAt">When the broker recorded the report.</param>
/// <param name="EntryIndex">The log entry of the report.</param>
/// <param name="AgeSeconds">Whole seconds since the report.</param>
public sealed record UnconfirmedHopResponse(
    long HopId, HopSide ReportedBy, string Sender, string? SenderHandle, string Recipient, string? RecipientHandle, string TransferId,
    IReadOnlyList<string> Categories, DateTimeOffset ReportedAt, long EntryIndex, long AgeSeconds)
{
    internal static UnconfirmedHopResponse From(UnconfirmedHop h) =>
        new(h.HopId, h.ReportedBy, h.Sender, h.SenderHandle, h.Recipient, h.RecipientHandle, h.TransferId, h.Categories, h.ReportedAt, h.EntryIndex, (long)h.Age.TotalSeconds);
}

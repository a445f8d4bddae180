using DataCustody.Grains.Custody;

namespace DataCustody.Gateway.Apis.People;

/// <summary>A message to the person about their data.</summary>
/// <param name="MessageId">The message's id.</param>
/// <param name="CreatedAt">When it was written.</param>
/// <param name="Kind">What it is about, such as <c>consent.revoked</c> or <c>breach.notified</c>.</param>
/// <param name="Title">A one-line summary.</param>
/// <param name="Body">The message.</param>
/// <param name="EntryIndex">The log entry it is about, if any.</param>
public sealed record InboxMessageResponse(
    string MessageId,
    DateTimeOffset CreatedAt,
    string Kind,
    string Title,
    string Body,
    long? EntryIndex)
{
    /// <summary>The wire form of <paramref name="message"/>.</summary>
    public static InboxMessageResponse From(InboxMessage message) =>
        new(message.MessageId, message.CreatedAt, message.Kind, message.Title, message.Body, message.EntryIndex);
}

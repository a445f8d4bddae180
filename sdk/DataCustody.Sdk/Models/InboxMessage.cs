namespace DataCustody.Sdk.Models;

/// <summary>A message in a person's inbox, such as a breach notification.</summary>
/// <param name="MessageId">The message's id.</param>
/// <param name="CreatedAt">When it was sent.</param>
/// <param name="Kind">What kind of message it is, such as <c>breach</c>.</param>
/// <param name="Title">Its title.</param>
/// <param name="Body">Its text.</param>
/// <param name="EntryIndex">The log entry it is about, if any.</param>
public sealed record InboxMessage(string MessageId, DateTimeOffset CreatedAt, string Kind, string Title, string Body, long? EntryIndex);

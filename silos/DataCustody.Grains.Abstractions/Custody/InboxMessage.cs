namespace DataCustody.Grains.Custody;

/// <summary>A message to a person about their data, with the log entry it is about.</summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.InboxMessage")]
public sealed record InboxMessage(
    [property: Id(0)] string MessageId,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Title,
    [property: Id(4)] string Body,
    [property: Id(5)] long? EntryIndex);

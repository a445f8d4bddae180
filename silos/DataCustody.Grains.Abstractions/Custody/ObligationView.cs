namespace DataCustody.Grains.Custody;

/// <summary>Where a deletion obligation stands.</summary>
public enum ObligationStatus
{
    /// <summary>The holder must still delete, and the deadline has not passed.</summary>
    Due,

    /// <summary>The holder reported the deletion.</summary>
    Answered,

    /// <summary>The deadline passed without a deletion.</summary>
    Overdue,
}

/// <summary>A holder's duty to delete categories of a person's data by a deadline.</summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.ObligationView")]
public sealed record ObligationView(
    [property: Id(0)] string ObligationId,
    [property: Id(1)] string Holder,
    [property: Id(2)] string Handle,
    [property: Id(3)] IReadOnlyList<string> Categories,
    [property: Id(4)] string ConsentId,
    [property: Id(5)] DateTimeOffset DueAt,
    [property: Id(6)] ObligationStatus Status,
    [property: Id(7)] long DueIndex,
    [property: Id(8)] long? AnsweredIndex,
    [property: Id(9)] long? OverdueIndex);

namespace DataCustody.Storage.Custody;

/// <summary>A breach at a holder and the stage it reached.</summary>
public sealed record BreachRow
{
    public required string BreachId { get; init; }
    public required string Holder { get; init; }

    /// <summary><c>holder</c> when the breached provider reported it, <c>regulator</c> when a regulator filed it.</summary>
    public required string FiledBy { get; init; }

    public required string Status { get; init; }
    public required long FiledIndex { get; init; }
    public required long FiledAtMs { get; init; }
    public required long UpdatedIndex { get; init; }
    public long? AssessedIndex { get; init; }
}

/// <summary>One logged entry about a breach: its filing, an update or an assessment.</summary>
public sealed record BreachEntryRow
{
    public required string BreachId { get; init; }
    public required long EntryIndex { get; init; }
    public required string Type { get; init; }
    public required string Statement { get; init; }
    public required long RecordedAtMs { get; init; }
}

/// <summary>An upstream provider's duty to review what it passed to a breached holder.</summary>
public sealed record BreachReviewRow
{
    public required string ObligationId { get; init; }
    public required string BreachId { get; init; }
    public required string Holder { get; init; }
    public required string BreachedHolder { get; init; }
    public required long People { get; init; }
    public required long DueAtMs { get; init; }
    public required long DueIndex { get; init; }

    /// <summary>The provider's <c>breach.reviewed</c> entry that answered it, if any.</summary>
    public long? ReviewedIndex { get; init; }

    public long? ReviewedAtMs { get; init; }
}

/// <summary>A handle a holder knows a person affected by a breach by: breached, upstream or downstream of it.</summary>
public sealed record AffectedHandleRow
{
    public required string Holder { get; init; }
    public required string Role { get; init; }
    public required string Handle { get; init; }

    /// <summary>The categories involved, space-separated in ordinal order.</summary>
    public required string Categories { get; init; }
}

using DataCustody.Grains.Ledger;

namespace DataCustody.Grains.Custody;

/// <summary>What became of one submitted statement.</summary>
public enum StatementResult
{
    /// <summary>Logged now, possibly with violations.</summary>
    Recorded,

    /// <summary>The same statement id and content were logged before; this is the original result.</summary>
    Duplicate,

    /// <summary>Not logged: it cannot be true (unknown handle, key not valid, reused id, ...).</summary>
    Rejected,
}

/// <summary>The result of one statement of a batch: where it was logged, what it broke, or why it was refused.</summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.StatementOutcome")]
public sealed record StatementOutcome(
    [property: Id(0)] string StatementId,
    [property: Id(1)] StatementResult Result,
    [property: Id(2)] long? Index,
    [property: Id(3)] byte[]? LeafHash,
    [property: Id(4)] IReadOnlyList<EntryViolation> Violations,
    [property: Id(5)] string? Field,
    [property: Id(6)] string? Reason)
{
    /// <summary>For a transfer: the handle the recipient knows the person by.</summary>
    [Id(7)]
    public string? RecipientHandle { get; init; }

    /// <summary>A statement that was logged at <paramref name="index"/>.</summary>
    public static StatementOutcome Logged(string statementId, long index, byte[] leafHash, IReadOnlyList<EntryViolation> violations) =>
        new(statementId, StatementResult.Recorded, index, leafHash, violations, null, null);

    /// <summary>
    /// A statement that was logged before, at <paramref name="index"/>, with the broker's findings then: a retry
    /// whose first answer was lost learns what the first attempt broke and the recipient's handle.
    /// </summary>
    public static StatementOutcome Repeated(string statementId, long index, byte[] leafHash, EntryNotes? notes) =>
        new(statementId, StatementResult.Duplicate, index, leafHash, notes?.Violations ?? [], null, null) { RecipientHandle = notes?.RecipientHandle };

    /// <summary>A statement that was refused because of <paramref name="field"/>.</summary>
    public static StatementOutcome Refused(string statementId, string field, string reason) =>
        new(statementId, StatementResult.Rejected, null, null, [], field, reason);
}

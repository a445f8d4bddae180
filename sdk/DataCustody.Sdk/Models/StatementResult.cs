using System.Text.Json.Serialization;

namespace DataCustody.Sdk.Models;

/// <summary>The broker's answer for one statement of a batch.</summary>
/// <param name="Index">The statement's position in the batch that was sent.</param>
/// <param name="StatementId">The statement's <c>id</c>.</param>
/// <param name="Status">Whether it was recorded, was a duplicate of one recorded before, or was rejected.</param>
/// <param name="EntryIndex">The log entry that holds the statement; set unless rejected.</param>
/// <param name="LeafHash">The RFC 6962 leaf hash of that entry, unpadded base64url; set unless rejected.</param>
/// <param name="Violations">Rules the statement broke, noted in the log with it.</param>
/// <param name="RecipientHandle">For a transfer: the handle the recipient knows the person by.</param>
/// <param name="Problem">For a rejected statement: why.</param>
public sealed record StatementResult(
    int Index,
    string StatementId,
    StatementStatus Status,
    long? EntryIndex,
    string? LeafHash,
    IReadOnlyList<StatementViolation>? Violations,
    string? RecipientHandle,
    ProblemDetail? Problem)
{
    /// <summary>Whether the statement is in the log: recorded now or before.</summary>
    [JsonIgnore]
    public bool IsLogged => Status is StatementStatus.Recorded or StatementStatus.Duplicate && EntryIndex is not null && LeafHash is not null;

    /// <summary>The decoded leaf hash, accepting unpadded base64url or standard base64; null when absent or not a hash.</summary>
    public byte[]? LeafHashBytes() => LeafHash is null ? null : HashText.TryDecode(LeafHash);
}

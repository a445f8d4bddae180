namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>What became of one statement of a batch.</summary>
/// <param name="Index">Its position in the batch, from 0.</param>
/// <param name="StatementId">The payload's <c>id</c>; null when the JWS or its payload could not be read.</param>
/// <param name="Status"><c>recorded</c> (logged now), <c>duplicate</c> (logged before with the same content: the original result) or <c>rejected</c> (not logged).</param>
/// <param name="EntryIndex">The log entry, unless rejected.</param>
/// <param name="LeafHash">The entry's RFC 6962 leaf hash, unpadded base64url, unless rejected.</param>
/// <param name="Violations">Rules the recorded statement broke (it is logged all the same).</param>
/// <param name="RecipientHandle">For a transfer: the handle the recipient knows the person by.</param>
/// <param name="Problem">For a rejected statement: why, as a problem with a <c>field</c> such as <c>statements[3].header.kid</c>.</param>
public sealed record StatementResultResponse(
    int Index,
    string? StatementId,
    string Status,
    long? EntryIndex,
    string? LeafHash,
    IReadOnlyList<ViolationResponse> Violations,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RecipientHandle,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StatementProblem? Problem)
{
    /// <summary>The status of a statement logged now.</summary>
    public const string Recorded = "recorded";

    /// <summary>The status of a statement logged before.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>The status of a statement not logged.</summary>
    public const string Rejected = "rejected";
}

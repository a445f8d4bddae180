namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>The log entry that holds one of the caller's statements, so that its receipt can show which statement it proves.</summary>
/// <param name="StatementId">The statement's <c>id</c>.</param>
/// <param name="EntryIndex">The entry's index in the log.</param>
/// <param name="Leaf">The entry's leaf bytes (the envelope around the provider's exact JWS), unpadded base64url; its RFC 6962 leaf hash is the statement result's <c>leafHash</c>.</param>
public sealed record StatementEntryResponse(string StatementId, long EntryIndex, string Leaf);

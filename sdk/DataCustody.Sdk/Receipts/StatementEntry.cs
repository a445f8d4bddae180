namespace DataCustody.Sdk.Receipts;

/// <summary>The broker's answer to <c>GET /api/v1/statements/{id}/entry</c>: the log entry that holds one of the provider's statements.</summary>
/// <param name="StatementId">The statement's <c>id</c>.</param>
/// <param name="EntryIndex">The entry's index in the log.</param>
/// <param name="Leaf">The entry's leaf bytes, unpadded base64url.</param>
internal sealed record StatementEntry(string StatementId, long EntryIndex, string Leaf);

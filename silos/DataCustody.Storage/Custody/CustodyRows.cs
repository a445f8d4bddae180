namespace DataCustody.Storage.Custody;

// Rows of the custody projections, one record per table, mapped by Dapper from snake_case
// columns. Times are Unix milliseconds; Statement holds the JSON payload that set the row.

/// <summary>A registered provider.</summary>
public sealed record ProviderRow
{
    public required string ProviderId { get; init; }
    public required string Name { get; init; }
    public required string Jurisdiction { get; init; }
    public required string Sector { get; init; }
    public required string Contact { get; init; }
    public required long RegisteredIndex { get; init; }
}

/// <summary>A provider's statement-signing key and its validity.</summary>
public sealed record ProviderKeyRow
{
    public required string ProviderId { get; init; }
    public required string Kid { get; init; }
    public required byte[] PublicKey { get; init; }
    public required long ValidFromMs { get; init; }
    public long? ValidUntilMs { get; init; }
    public long? RetiredAtMs { get; init; }
    public required long AddedIndex { get; init; }
}

/// <summary>One version of a provider's protection profile.</summary>
public sealed record ProfileRow
{
    public required string ProviderId { get; init; }
    public required long Version { get; init; }
    public required long Level { get; init; }
    public required string Statement { get; init; }
    public required long DeclaredAtMs { get; init; }
    public required long EntryIndex { get; init; }
}

/// <summary>One version of a provider's model-contract terms, identified by the SHA-256 of its text.</summary>
public sealed record TermsRow
{
    public required string ProviderId { get; init; }
    public required string Sha256 { get; init; }
    public required long Version { get; init; }
    public required string Title { get; init; }
    public required string Statement { get; init; }
    public required long DeclaredAtMs { get; init; }
    public required long EntryIndex { get; init; }
}

/// <summary>The idempotency record of one provider statement.</summary>
public sealed record StatementRow
{
    public required string ProviderId { get; init; }
    public required string StatementId { get; init; }
    public required byte[] PayloadSha256 { get; init; }
    public required long EntryIndex { get; init; }
}

/// <summary>A pairwise handle issued to a provider (without the person it stands for).</summary>
public sealed record HandleRow
{
    public required string Handle { get; init; }
    public required string ProviderId { get; init; }
    public required long EntryIndex { get; init; }
}

/// <summary>A provider's request for a consent, pending until the person decides.</summary>
public sealed record ConsentRequestRow
{
    public required string RequestId { get; init; }
    public required string Holder { get; init; }
    public required string Handle { get; init; }
    public required string Statement { get; init; }
    public required string Status { get; init; }
    public required long RequestedIndex { get; init; }
    public long? DecidedIndex { get; init; }
}

/// <summary>A consent a person gave a holder.</summary>
public sealed record ConsentRow
{
    public required string ConsentId { get; init; }
    public string? RequestId { get; init; }
    public required string Holder { get; init; }
    public required string Handle { get; init; }
    public required string Statement { get; init; }
    public required long ExpiresAtMs { get; init; }
    public required string Status { get; init; }
    public required long GrantedIndex { get; init; }
    public long? EndedIndex { get; init; }
}

/// <summary>
/// One provision of data from a sender to a recipient, from either side's statement or both. <see cref="ConsentId"/>
/// is the consent the sender named, <see cref="RootConsentId"/> the one the broker found that allowed the hop: none
/// when the hop is on another basis or the broker found none (flagged no-consent), and its copies inherited what the
/// sender's copies depended on.
/// </summary>
public sealed record HopRow
{
    public required long HopId { get; init; }
    public required string Sender { get; init; }
    public string? SenderHandle { get; init; }
    public required string Recipient { get; init; }
    public string? RecipientHandle { get; init; }
    public required string TransferId { get; init; }
    public required string Categories { get; init; }
    public string? Purposes { get; init; }
    public string? LegalBasis { get; init; }
    public string? ConsentId { get; init; }
    public string? RootConsentId { get; init; }
    public string? TermsSha256 { get; init; }
    public long? SenderProfileVersion { get; init; }
    public long? RecipientProfileVersion { get; init; }
    public long? TransferredAtMs { get; init; }
    public long? TransferIndex { get; init; }
    public long? ReceivedAtMs { get; init; }
    public long? ReceivedIndex { get; init; }
    public string? ObtainedVia { get; init; }
}

/// <summary>
/// A holder's copy of one category of a person's data. It depends on <see cref="RootConsentId"/>
/// and on the JSON array <see cref="FurtherRootConsentIds"/>, and stays lawful while any is active,
/// or for good when it stands <see cref="OnOwnBasis"/>: a basis other than consent (a contract, a
/// legal obligation, ...) that stood where the copy came from. A copy passed on before its sender's
/// transfer was reported learns these from the <c>holdings.inherited</c> entry at <see cref="HandedDownIndex"/>.
/// </summary>
public sealed record HoldingRow
{
    public required string Holder { get; init; }
    public required string Handle { get; init; }
    public required string Category { get; init; }
    public required long AcquiredIndex { get; init; }
    public required long AcquiredAtMs { get; init; }
    public long? ViaHop { get; init; }
    public string? SourceHolder { get; init; }
    public string? RootConsentId { get; init; }
    public string? FurtherRootConsentIds { get; init; }
    public bool OnOwnBasis { get; init; }
    public long? HandedDownIndex { get; init; }
    public long? ProfileVersion { get; init; }
    public string? TermsSha256 { get; init; }
    public long? ReleasedIndex { get; init; }
    public long? ReleasedAtMs { get; init; }
}

/// <summary>A holder's duty to delete categories of a person's data by a deadline.</summary>
public sealed record ObligationRow
{
    public required string ObligationId { get; init; }
    public required string Holder { get; init; }
    public required string Handle { get; init; }
    public required string Categories { get; init; }
    public required string ConsentId { get; init; }
    public required long DueAtMs { get; init; }
    public required string Status { get; init; }
    public required long DueIndex { get; init; }
    public long? AnsweredIndex { get; init; }
    public long? OverdueIndex { get; init; }
}

/// <summary>A rule a recorded statement broke.</summary>
public sealed record ViolationRow
{
    public required long EntryIndex { get; init; }
    public required string Code { get; init; }
    public required string ProviderId { get; init; }
    public string? Handle { get; init; }
    public required string Detail { get; init; }
}

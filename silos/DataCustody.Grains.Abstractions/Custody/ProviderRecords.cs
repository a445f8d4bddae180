namespace DataCustody.Grains.Custody;

/// <summary>What a provider states about itself when it registers.</summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.ProviderRegistration")]
public sealed record ProviderRegistration(
    [property: Id(0)] string Name,
    [property: Id(1)] string Jurisdiction,
    [property: Id(2)] string Sector,
    [property: Id(3)] string Contact);

/// <summary>A registered provider.</summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.ProviderRecord")]
public sealed record ProviderRecord(
    [property: Id(0)] string ProviderId,
    [property: Id(1)] ProviderRegistration Registration,
    [property: Id(2)] long RegisteredIndex);

/// <summary>A provider's statement key: raw Ed25519 public key and when it may sign.</summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.ProviderKey")]
public sealed record ProviderKey(
    [property: Id(0)] string Kid,
    [property: Id(1)] byte[] PublicKey,
    [property: Id(2)] DateTimeOffset ValidFrom,
    [property: Id(3)] DateTimeOffset? ValidUntil,
    [property: Id(4)] DateTimeOffset? RetiredAt,
    [property: Id(5)] long AddedIndex)
{
    /// <summary>Whether the key may sign a statement issued at <paramref name="issuedAt"/>.</summary>
    public bool IsValidAt(DateTimeOffset issuedAt) =>
        issuedAt >= ValidFrom && (ValidUntil is null || issuedAt < ValidUntil) && (RetiredAt is null || issuedAt < RetiredAt);
}

/// <summary>The answer to "which key is this kid, and may it sign at that time": the key, or why not.</summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.KeyLookup")]
public sealed record KeyLookup(
    [property: Id(0)] ProviderKey? Key,
    [property: Id(1)] string? Refusal);

/// <summary>One version of a provider's protection profile, as declared.</summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.ProfileVersion")]
public sealed record ProfileVersion(
    [property: Id(0)] long Version,
    [property: Id(1)] int Level,
    [property: Id(2)] string Profile,
    [property: Id(3)] DateTimeOffset DeclaredAt,
    [property: Id(4)] long EntryIndex);

/// <summary>One version of a provider's model-contract terms, by the SHA-256 of its text.</summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.TermsVersion")]
public sealed record TermsVersion(
    [property: Id(0)] string Sha256,
    [property: Id(1)] long Version,
    [property: Id(2)] string Title,
    [property: Id(3)] int DeletionDays,
    [property: Id(4)] bool OnwardTransferAllowed,
    [property: Id(5)] string Statement,
    [property: Id(6)] DateTimeOffset DeclaredAt,
    [property: Id(7)] long EntryIndex);

/// <summary>Every profile and terms version a provider ever declared, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.ProviderHistory")]
public sealed record ProviderHistory(
    [property: Id(0)] IReadOnlyList<ProfileVersion> Profiles,
    [property: Id(1)] IReadOnlyList<TermsVersion> Terms);

/// <summary>What others need to know of a provider in one call: registered, and the protection it declares now.</summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.ProviderStanding")]
public sealed record ProviderStanding(
    [property: Id(0)] bool Registered,
    [property: Id(1)] int Level,
    [property: Id(2)] long? ProfileVersion);

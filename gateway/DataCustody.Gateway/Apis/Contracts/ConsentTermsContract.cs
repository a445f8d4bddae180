namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>What a consent allows (docs/statements.md, consent terms).</summary>
/// <param name="Categories">1-64 fideslang data category keys; a key includes the keys below it.</param>
/// <param name="Purposes">1-32 fideslang data use keys; a key includes the keys below it.</param>
/// <param name="OnwardTransfer">Whether and to whom the holder may pass the data on.</param>
/// <param name="RetentionDays">How long the holder may keep the data, 1-36500 days.</param>
/// <param name="ExpiresAt">When the consent ends unless revoked; in the future.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ConsentTermsContract(
    IReadOnlyList<string?>? Categories,
    IReadOnlyList<string?>? Purposes,
    OnwardTransferContract? OnwardTransfer,
    int? RetentionDays,
    DateTimeOffset? ExpiresAt)
{
    internal static ConsentTermsContract From(ConsentTerms terms) => new(
        [.. terms.Categories], [.. terms.Purposes], OnwardTransferContract.From(terms.OnwardTransfer), terms.RetentionDays, terms.ExpiresAt);
}

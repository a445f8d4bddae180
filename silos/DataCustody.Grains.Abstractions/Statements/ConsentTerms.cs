namespace DataCustody.Grains.Statements;

/// <summary>What a consent allows: which data, for which purposes, passed on to whom, kept how long, until when.</summary>
/// <param name="Categories">fideslang data category keys (1-64); a key includes its descendants.</param>
/// <param name="Purposes">fideslang data use keys (1-32); a key includes its descendants.</param>
/// <param name="OnwardTransfer">Whether and to whom the holder may pass the data on.</param>
/// <param name="RetentionDays">How long, in days (1-36500), the holder may keep the data.</param>
/// <param name="ExpiresAt">When the consent ends unless revoked earlier.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.ConsentTerms")]
public sealed record ConsentTerms(
    [property: Id(0)] EquatableArray<string> Categories,
    [property: Id(1)] EquatableArray<string> Purposes,
    [property: Id(2)] OnwardTransfer OnwardTransfer,
    [property: Id(3)] int RetentionDays,
    [property: Id(4)] DateTimeOffset ExpiresAt);

using DataCustody.Grains.Statements;

namespace DataCustody.Grains.Custody;

/// <summary>
/// A provider statement whose JWS signature the gateway has verified with the key
/// <see cref="Kid"/> names: the exact compact JWS, its parsed payload and the payload's SHA-256
/// (which makes a replayed id with other content recognisable).
/// </summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.SubmittedStatement")]
public sealed record SubmittedStatement(
    [property: Id(0)] string Kid,
    [property: Id(1)] string Jws,
    [property: Id(2)] ProviderStatement Statement,
    [property: Id(3)] byte[] PayloadSha256);

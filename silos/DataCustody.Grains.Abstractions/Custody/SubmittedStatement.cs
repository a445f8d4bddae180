using System.Runtime.InteropServices;
using System.Security.Cryptography;
using DataCustody.Grains.Statements;

namespace DataCustody.Grains.Custody;

/// <summary>
/// A provider statement whose JWS signature the gateway has verified with the key
/// <see cref="Kid"/> names: the exact compact JWS, its parsed payload, the payload's SHA-256
/// (which makes a replayed id with other content recognisable) and the payload's bytes, which
/// the grains log and project without decoding the JWS again.
/// </summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.SubmittedStatement")]
public sealed record SubmittedStatement(
    [property: Id(0)] string Kid,
    [property: Id(1)] string Jws,
    [property: Id(2)] ProviderStatement Statement,
    [property: Id(3)] byte[] PayloadSha256,
    [property: Id(4)] byte[] Payload)
{
    /// <summary>
    /// The longest JWS the log takes, in characters (a compact JWS is ASCII). Every log entry must fit
    /// a C2SP entry bundle, whose lengths are 16-bit (65,535 bytes); the rest is room for the entry's
    /// envelope and the broker's notes.
    /// </summary>
    public const int MaxJwsLength = 60_000;

    /// <summary>
    /// A statement whose signature was checked over <paramref name="payload"/>, as <paramref name="jws"/> carries it.
    /// A payload that is a whole array is kept rather than copied (a parsed JWS decodes its payload into an
    /// array of its own), so it must not change afterwards.
    /// </summary>
    public static SubmittedStatement Verified(string kid, string jws, ProviderStatement statement, ReadOnlyMemory<byte> payload) =>
        new(kid, jws, statement, SHA256.HashData(payload.Span), WholeArray(payload) ?? payload.ToArray());

    private static byte[]? WholeArray(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length ? segment.Array : null;
}

using System.Text.Json.Serialization;

namespace DataCustody.Transparency.Jws;

internal sealed record HeaderWithKeyId(
    [property: JsonPropertyName("alg")] string Algorithm,
    [property: JsonPropertyName("kid")] string KeyId);

internal sealed record HeaderWithoutKeyId(
    [property: JsonPropertyName("alg")] string Algorithm);

[JsonSerializable(typeof(HeaderWithKeyId))]
[JsonSerializable(typeof(HeaderWithoutKeyId))]
internal sealed partial class JwsJsonContext : JsonSerializerContext;

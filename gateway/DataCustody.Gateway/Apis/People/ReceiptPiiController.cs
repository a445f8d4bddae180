using System.Text.Json.Serialization;

namespace DataCustody.Gateway.Apis.People;

/// <summary>A PII controller of a Kantara consent receipt: the holder, from its registration.</summary>
public sealed record ReceiptPiiController(
    [property: JsonPropertyName("piiController")] string PiiController,
    [property: JsonPropertyName("contact")] string Contact,
    [property: JsonPropertyName("address"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Address,
    [property: JsonPropertyName("email"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Email,
    [property: JsonPropertyName("phone"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Phone);

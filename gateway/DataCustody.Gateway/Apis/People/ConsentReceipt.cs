using System.Text.Json.Serialization;

namespace DataCustody.Gateway.Apis.People;

/// <summary>
/// A Kantara Initiative Consent Receipt v1.1 (<c>KI-CR-v1.1.0</c>) of one consent. Member names are
/// the specification's, spelt out so that no naming policy can change them.
/// </summary>
public sealed record ConsentReceipt(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("jurisdiction")] string Jurisdiction,
    [property: JsonPropertyName("consentTimestamp")] long ConsentTimestamp,
    [property: JsonPropertyName("collectionMethod")] string CollectionMethod,
    [property: JsonPropertyName("consentReceiptID")] string ConsentReceiptId,
    [property: JsonPropertyName("publicKey"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PublicKey,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("piiPrincipalId")] string PiiPrincipalId,
    [property: JsonPropertyName("piiControllers")] IReadOnlyList<ReceiptPiiController> PiiControllers,
    [property: JsonPropertyName("policyUrl")] string PolicyUrl,
    [property: JsonPropertyName("services")] IReadOnlyList<ReceiptService> Services,
    [property: JsonPropertyName("sensitive")] bool Sensitive,
    [property: JsonPropertyName("spiCat")] IReadOnlyList<string> SpiCat)
{
    /// <summary>The specification version this receipt follows.</summary>
    public const string SpecificationVersion = "KI-CR-v1.1.0";
}

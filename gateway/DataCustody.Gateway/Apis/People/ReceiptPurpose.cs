using System.Text.Json.Serialization;

namespace DataCustody.Gateway.Apis.People;

/// <summary>A purpose of a Kantara consent receipt, with the PII categories it covers.</summary>
public sealed record ReceiptPurpose(
    [property: JsonPropertyName("purpose")] string Purpose,
    [property: JsonPropertyName("purposeCategory")] IReadOnlyList<string> PurposeCategory,
    [property: JsonPropertyName("consentType")] string ConsentType,
    [property: JsonPropertyName("piiCategory")] IReadOnlyList<string> PiiCategory,
    [property: JsonPropertyName("primaryPurpose")] bool PrimaryPurpose,
    [property: JsonPropertyName("termination")] string Termination,
    [property: JsonPropertyName("thirdPartyDisclosure")] bool ThirdPartyDisclosure,
    [property: JsonPropertyName("thirdPartyName"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ThirdPartyName);

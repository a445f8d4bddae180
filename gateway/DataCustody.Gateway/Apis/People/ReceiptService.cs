using System.Text.Json.Serialization;

namespace DataCustody.Gateway.Apis.People;

/// <summary>A service of a Kantara consent receipt and the purposes consented to for it.</summary>
public sealed record ReceiptService(
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("purposes")] IReadOnlyList<ReceiptPurpose> Purposes);

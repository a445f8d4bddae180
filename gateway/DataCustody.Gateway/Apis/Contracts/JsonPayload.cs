using System.Text.Json;

namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>Logged statement payloads, served as JSON objects rather than strings.</summary>
internal static class JsonPayload
{
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

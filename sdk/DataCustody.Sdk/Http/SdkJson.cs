using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataCustody.Sdk.Http;

/// <summary>The API's JSON conventions: camelCase members, enums as camelCase strings, absent rather than null optional members.</summary>
internal static class SdkJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

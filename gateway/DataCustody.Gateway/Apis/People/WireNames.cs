using System.Text.Json;

namespace DataCustody.Gateway.Apis.People;

/// <summary>Enum members on the wire: camelCase names (<c>deletionDue</c>), never numbers.</summary>
internal static class WireNames
{
    /// <summary>The camelCase name of <paramref name="value"/>.</summary>
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}

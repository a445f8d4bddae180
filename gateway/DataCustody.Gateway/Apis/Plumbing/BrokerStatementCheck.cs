using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataCustody.Gateway.Apis.Plumbing;

/// <summary>
/// Checks request values that become a broker statement (provider registration, key, consent
/// request) with the statement codec itself, so the API accepts exactly what can be logged: the
/// values go into a payload of that statement type, and the codec's first error names the member,
/// which is the request field of the same name.
/// </summary>
public static class BrokerStatementCheck
{
    /// <summary>
    /// The parsed statement, or the first problem as (field, reason). <paramref name="members"/>
    /// are the type's own members; null values are left out (so the codec reports them as missing).
    /// </summary>
    public static StatementParseResult Check(string type, IEnumerable<KeyValuePair<string, JsonNode?>> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var payload = new JsonObject
        {
            ["id"] = "gateway-check",
            ["issuedAt"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            ["type"] = type,
        };
        foreach (var (name, value) in members)
        {
            if (value is not null)
            {
                payload[name] = value;
            }
        }
        return StatementCodec.Parse(Encoding.UTF8.GetBytes(payload.ToJsonString()));
    }

    private static readonly JsonSerializerOptions NodeOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A JSON value for <see cref="Check"/> from a request value: camelCase, null members left out.</summary>
    public static JsonNode? Node<T>(T? value) =>
        value is null ? null : JsonSerializer.SerializeToNode(value, NodeOptions);

    /// <summary>The codec's first error as a 400 problem, its field prefixed with <paramref name="prefix"/> when the request nests it.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult FirstProblem(StatementParseResult result, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(result);
        var error = result.Errors[0];
        var field = error.Field == StatementError.Payload ? (prefix.Length == 0 ? ApiProblems.Body : prefix.TrimEnd('.')) : prefix + error.Field;
        return ApiProblems.Invalid(field, $"{field} {error.Reason}");
    }
}

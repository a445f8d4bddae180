using System.Text;
using System.Text.Json.Nodes;
using DataCustody.Grains.Statements;

namespace DataCustody.Grains.Abstractions.Tests.Statements;

/// <summary>Payloads made by changing one member of a valid sample.</summary>
internal static class Payloads
{
    /// <summary>The canonical JSON of the sample of <paramref name="type"/>, with the member at the dotted <paramref name="path"/> set to <paramref name="json"/>, or removed if that is <see langword="null"/>.</summary>
    public static string With(string type, string path, string? json)
    {
        var payload = Valid(type);
        var names = path.Split('.');
        var parent = names[..^1].Aggregate(payload, (node, name) => node[name]!.AsObject());
        if (json is null)
        {
            Assert.True(parent.Remove(names[^1]), $"{type} has no member {path}");
        }
        else
        {
            parent[names[^1]] = JsonNode.Parse(json);
        }
        return payload.ToJsonString();
    }

    public static JsonObject Valid(string type) =>
        JsonNode.Parse(StatementCodec.Serialize(Samples.All.First(s => s.Type == type)))!.AsObject();

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}

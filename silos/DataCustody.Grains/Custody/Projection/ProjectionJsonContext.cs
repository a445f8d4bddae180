using System.Text.Json.Serialization;

namespace DataCustody.Grains.Custody.Projection;

[JsonSerializable(typeof(string[]))]
internal sealed partial class ProjectionJsonContext : JsonSerializerContext;

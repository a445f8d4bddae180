using System.Text.Json;

namespace DataCustody.Grains.Statements;

/// <summary>Reads one JSON value into <typeparamref name="T"/>.</summary>
/// <returns><see langword="null"/> if <paramref name="value"/> was read; otherwise why not, phrased to follow the field name ("must be a string").</returns>
internal delegate string? ValueRule<T>(JsonElement element, out T value);

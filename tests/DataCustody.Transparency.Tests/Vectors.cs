using System.Text.Json;

namespace DataCustody.Transparency.Tests;

/// <summary>The shared test vectors, copied with their licences into the Vectors folder.</summary>
internal static class Vectors
{
    public static string Folder { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Vectors");

    /// <summary>The vector files under <paramref name="subfolder"/>, relative to <see cref="Folder"/>, as theory data.</summary>
    public static TheoryData<string> Files(string subfolder)
    {
        var data = new TheoryData<string>();
        var root = System.IO.Path.Combine(Folder, subfolder);
        foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(System.IO.Path.GetRelativePath(Folder, file).Replace('\\', '/'));
        }
        return data;
    }

    public static T Read<T>(string relativePath) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(System.IO.Path.Combine(Folder, relativePath)), Options)
        ?? throw new InvalidDataException($"{relativePath} is empty.");

    public static byte[] Base64(string? text) => string.IsNullOrEmpty(text) ? [] : Convert.FromBase64String(text);

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };
}

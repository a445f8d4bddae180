using System.Text.Json;

namespace DataCustody.Cli.Api;

/// <summary>The broker refused a request: its RFC 9457 problem, with the <c>field</c> and <c>detail</c> it names.</summary>
internal sealed class BrokerProblemException(string request, int status, string? title, string? field, string? detail)
    : Exception($"{request}: the broker answered {status} {title}".TrimEnd() + (field is null ? "" : $"; field: {field}") + (detail is null ? "" : $"; detail: {detail}"))
{
    public int Status { get; } = status;

    public string? Field { get; } = field;

    public string? Detail { get; } = detail;

    /// <summary>Reads an error answer: the problem document when there is one, the status alone otherwise.</summary>
    public static async Task<BrokerProblemException> ReadAsync(string request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        string? title = response.ReasonPhrase, field = null, detail = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                title = Text(root, "title") ?? title;
                field = Text(root, "field");
                detail = Text(root, "detail");
                // ASP.NET Core's own validation problems name fields under "errors"; the token endpoint uses OAuth's members.
                if (field is null && root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                {
                    field = errors.EnumerateObject().Select(p => p.Name).FirstOrDefault();
                }
                title ??= Text(root, "error");
                detail ??= Text(root, "error_description") ?? Text(root, "error");
            }
        }
        catch (JsonException)
        {
            detail = text.Length == 0 ? null : text.Length > 300 ? text[..300] : text;
        }
        return new BrokerProblemException(request, (int)response.StatusCode, title, field, detail);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

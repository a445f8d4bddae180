using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataCustody.Sdk.Models;

namespace DataCustody.Sdk.Http;

/// <summary>Sends JSON requests to the API and turns error answers into <see cref="DataCustodyProblemException"/>.</summary>
internal static class ApiHttp
{
    public static async Task<T> SendAsync<T>(HttpClient http, HttpMethod method, string path, object? body, CancellationToken cancellationToken, bool idempotent = false, string? bearer = null)
    {
        using var response = await SendRawAsync(http, method, path, body, cancellationToken, idempotent, bearer);
        return await ReadAsync<T>(response, cancellationToken);
    }

    public static async Task SendAsync(HttpClient http, HttpMethod method, string path, object? body, CancellationToken cancellationToken, bool idempotent = false, string? bearer = null)
    {
        using var response = await SendRawAsync(http, method, path, body, cancellationToken, idempotent, bearer);
    }

    /// <summary>A list that the API answers either as a bare array or wrapped in an object under <paramref name="member"/>.</summary>
    public static async Task<IReadOnlyList<T>> GetListAsync<T>(HttpClient http, string path, string member, CancellationToken cancellationToken, string? bearer = null)
    {
        var root = await SendAsync<JsonElement>(http, HttpMethod.Get, path, null, cancellationToken, bearer: bearer);
        var list = root.ValueKind == JsonValueKind.Array ? root : FindArray(root, member);
        return list.Deserialize<List<T>>(SdkJson.Options) ?? [];
    }

    public static async Task<HttpResponseMessage> SendRawAsync(HttpClient http, HttpMethod method, string path, object? body, CancellationToken cancellationToken, bool idempotent = false, string? bearer = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }
        if (body is not null)
        {
            // Buffered bytes, so that a retry sends exactly the same body.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), SdkJson.Options))
            {
                Headers = { ContentType = new("application/json") { CharSet = "utf-8" } },
            };
        }
        if (idempotent)
        {
            request.Options.Set(ApiRequestOptions.Idempotent, true);
        }
        var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await ProblemAsync(response, cancellationToken);
            }
        }
        return response;
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var value = await response.Content.ReadFromJsonAsync<T>(SdkJson.Options, cancellationToken);
            return value ?? throw new DataCustodyProblemException(response.StatusCode, new ProblemDetail(null, "Empty answer", (int)response.StatusCode, "The broker answered without a body.", null));
        }
        catch (JsonException e)
        {
            throw new DataCustodyProblemException(response.StatusCode, new ProblemDetail(null, "Unreadable answer", (int)response.StatusCode, $"The broker's answer is not the expected JSON: {e.Message}", e.Path));
        }
    }

    /// <summary>Reads an error answer: an RFC 9457 problem when there is one, the status alone otherwise.</summary>
    public static async Task<DataCustodyProblemException> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        ProblemDetail? problem = null;
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (text.Length > 0)
            {
                using var document = JsonDocument.Parse(text);
                problem = ParseProblem(document.RootElement);
            }
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's error page, say): the status alone has to do.
        }
        problem ??= new ProblemDetail(null, response.ReasonPhrase ?? status.ToString(), (int)status, null, null);
        return new DataCustodyProblemException(status, problem);
    }

    public static ProblemDetail? ParseProblem(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var field = String(root, "field");
        // ASP.NET Core's validation problems name fields under "errors"; the first one stands for all.
        if (field is null && root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            field = errors.EnumerateObject().Select(p => p.Name).FirstOrDefault();
        }
        int? status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var n) ? n : null;
        return new ProblemDetail(String(root, "type"), String(root, "title"), status, String(root, "detail"), field);
    }

    public static string Escape(string segment)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        return Uri.EscapeDataString(segment);
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement FindArray(JsonElement root, string member)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (root.TryGetProperty(member, out var named) && named.ValueKind == JsonValueKind.Array)
            {
                return named;
            }
            var arrays = root.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array).ToList();
            if (arrays.Count == 1)
            {
                return arrays[0].Value;
            }
        }
        throw new DataCustodyProblemException(HttpStatusCode.OK, new ProblemDetail(null, "Unreadable answer", 200, $"The broker's answer is neither a JSON array nor an object with a '{member}' array.", null));
    }
}

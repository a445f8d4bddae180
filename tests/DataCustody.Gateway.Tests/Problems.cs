using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DataCustody.Gateway.Tests;

/// <summary>Assertions on RFC 9457 problem responses.</summary>
public static class Problems
{
    /// <summary>Asserts an <c>application/problem+json</c> response with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (field is not null)
        {
            Assert.True(problem.TryGetProperty("field", out var named), $"No field member: {text}");
            Assert.Equal(field, named.GetString());
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        }
        return problem;
    }

    /// <summary>Asserts one rejected batch item whose problem names <paramref name="field"/> (or a field starting with it).</summary>
    public static void AssertRejected(JsonElement result, string field, bool prefix = false)
    {
        Assert.Equal("rejected", result.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("entryIndex").ValueKind);
        var problem = result.GetProperty("problem");
        var named = problem.GetProperty("field").GetString();
        if (prefix)
        {
            Assert.StartsWith(field, named);
        }
        else
        {
            Assert.Equal(field, named);
        }
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    /// <summary>Posts JSON and returns the response.</summary>
    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient http, string path, object body) => http.PostAsJsonAsync(path, body);
}

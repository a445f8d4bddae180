using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DataCustody.Gateway.Tests.People;

/// <summary>What a person does through <c>/api/v1/me</c>, for the people's tests.</summary>
internal static class PersonSteps
{
    public const string Email = "user.contact.email";
    public const string Phone = "user.contact.phone_number";
    public const string Purpose = "essential.service.payment_processing";

    /// <summary>Consent terms for one category, onward transfer to delivery allowed.</summary>
    public static object Terms(string category = Email, int retentionDays = 30, DateTimeOffset? expiresAt = null) => new
    {
        categories = new[] { category },
        purposes = new[] { Purpose },
        onwardTransfer = new { allowed = true, recipients = new[] { "delivery" }, termsSha256 = Array.Empty<string>() },
        retentionDays,
        expiresAt = (expiresAt ?? DateTimeOffset.UtcNow.AddYears(1)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };

    /// <summary>Grants <paramref name="holder"/> a consent; returns the consent as served.</summary>
    public static async Task<JsonElement> GrantAsync(HttpClient person, string holder, string category = Email)
    {
        using var granted = await person.PostAsJsonAsync("api/v1/me/consents", new { holder, terms = Terms(category) });
        var text = await granted.Content.ReadAsStringAsync();
        Assert.True(granted.StatusCode == HttpStatusCode.Created, text);
        var consent = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal($"/api/v1/me/consents/{consent.GetProperty("consentId").GetString()}", granted.Headers.Location?.OriginalString);
        return consent;
    }

    /// <summary>The provider asks the person behind <paramref name="handle"/> for a consent; returns the request id.</summary>
    public static async Task<string> RequestAsync(TestProvider provider, string handle, string category = Phone)
    {
        using var requested = await provider.Http.PostAsJsonAsync("api/v1/consent-requests", new { handle, terms = Terms(category) });
        var text = await requested.Content.ReadAsStringAsync();
        Assert.True(requested.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("requestId").GetString()!;
    }

    /// <summary>Records that the provider collected <paramref name="category"/> under the consent; returns the entry index.</summary>
    public static async Task<long> CollectAsync(TestProvider provider, string handle, string consentId, string category = Email)
    {
        var result = (await provider.SubmitAsync(provider.Sign(provider.Collected(TestProvider.NewId("collect"), handle, category, Purpose, consentId))))[0];
        Assert.Equal("recorded", result.GetProperty("status").GetString());
        return result.GetProperty("entryIndex").GetInt64();
    }

    public static string Id(this JsonElement element, string name) => element.GetProperty(name).GetString()!;
}

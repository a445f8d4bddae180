using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DataCustody.Cli.Api;
using DataCustody.Sdk.Keys;
using DataCustody.Sdk.Models;
using DataCustody.Transparency.Jws;

namespace DataCustody.Cli.Demo;

/// <summary>One provider of the demo story: signed in, registered, with a statement key generated in memory.</summary>
internal sealed class DemoProvider : IDisposable
{
    private DemoProvider(string id, BrokerApi api, ProviderKey key, string termsSha256, bool newlyRegistered)
    {
        Id = id;
        Api = api;
        Key = key;
        TermsSha256 = termsSha256;
        NewlyRegistered = newlyRegistered;
    }

    public string Id { get; }

    public BrokerApi Api { get; }

    public ProviderKey Key { get; }

    /// <summary>The SHA-256 (hex) of the model-contract terms it declares.</summary>
    public string TermsSha256 { get; }

    public bool NewlyRegistered { get; }

    public List<string> Violations { get; } = [];

    /// <summary>Signs in, registers (an existing registration is kept), adds a fresh key, declares a profile and terms.</summary>
    public static async Task<DemoProvider> SetUpAsync(HttpClient http, DemoStory.Provider story, string secret, CancellationToken cancellationToken)
    {
        var token = await BrokerApi.ClientCredentialsTokenAsync(http, story.Id, secret, cancellationToken);
        var api = new BrokerApi(http, token);
        var registration = new ProviderRegistration(story.Name, story.Jurisdiction, story.Sector, $"privacy@{story.Id}.example");
        using var registered = await api.SendRawAsync(HttpMethod.Post, "api/v1/providers", registration, cancellationToken);
        if (!registered.IsSuccessStatusCode && registered.StatusCode != HttpStatusCode.Conflict)
        {
            throw await BrokerProblemException.ReadAsync($"registering {story.Id}", registered, cancellationToken);
        }
        var key = ProviderKey.Generate($"{story.Id}-demo-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        try
        {
            // Valid from a little earlier, so that statements issued now are inside its validity whatever the clocks say.
            await api.PostAsync($"api/v1/providers/{BrokerApi.Segment(story.Id)}/keys", ProviderKeyRegistration.For(key, DateTimeOffset.UtcNow.AddMinutes(-5)), cancellationToken);
            var termsText = $"{story.Name}: model contract for entrusted personal data (demo). The recipient processes the data only for the agreed purposes, "
                + $"notifies breaches within 72 hours and deletes the data within {story.DeletionDays} days of a request.";
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(termsText)));
            var provider = new DemoProvider(story.Id, api, key, sha, registered.IsSuccessStatusCode);
            await provider.SubmitAsync(cancellationToken,
                new
                {
                    id = NewId("profile"),
                    issuedAt = Now(),
                    type = "provider.profile",
                    provider = story.Id,
                    level = story.Level,
                    encryptionAtRest = true,
                    encryptionInTransit = true,
                    pseudonymisation = story.Level >= 3,
                    accessLogging = true,
                    certifications = story.Level >= 3
                        ? new object[] { new { scheme = "iso27001", identifier = $"IS {story.Id.ToUpperInvariant()}-001", validUntil = "2030-03-31" } }
                        : [],
                    storageJurisdictions = new[] { story.StorageJurisdiction },
                    retentionDays = 365,
                    subprocessors = story.Subprocessors,
                },
                new
                {
                    id = NewId("terms"),
                    issuedAt = Now(),
                    type = "provider.terms",
                    provider = story.Id,
                    sha256 = sha,
                    title = $"{story.Name} model contract, version 1",
                    text = termsText,
                    summary = new { onwardTransferAllowed = story.OnwardTransferAllowed, breachNotificationHours = 72, deletionDays = story.DeletionDays, governingJurisdiction = story.Jurisdiction },
                });
            return provider;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Signs and submits statements in one batch; returns each result. A rejected statement is an error.</summary>
    public async Task<JsonElement[]> SubmitAsync(CancellationToken cancellationToken, params object[] payloads)
    {
        var statements = payloads.Select(p => CompactJws.Sign(Key.Key, Key.KeyId, JsonSerializer.SerializeToUtf8Bytes(p, p.GetType(), JsonSerializerOptions.Web))).ToArray();
        var answer = await Api.PostAsync("api/v1/statements", new { statements }, cancellationToken);
        var results = answer.GetProperty("results").EnumerateArray().ToArray();
        foreach (var result in results)
        {
            if (result.GetProperty("status").GetString() == "rejected")
            {
                var problem = result.GetProperty("problem");
                throw new BrokerProblemException($"statement {result.GetProperty("index")} of {Id}", problem.TryGetProperty("status", out var s) ? s.GetInt32() : 422,
                    problem.TryGetProperty("title", out var t) ? t.GetString() : "rejected",
                    problem.TryGetProperty("field", out var f) ? f.GetString() : null,
                    problem.TryGetProperty("detail", out var d) ? d.GetString() : null);
            }
            if (result.TryGetProperty("violations", out var violations))
            {
                Violations.AddRange(violations.EnumerateArray().Select(v => v.ToString()));
            }
        }
        return results;
    }

    public void Dispose() => Key.Dispose();

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

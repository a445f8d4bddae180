using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DataCustody.Cli.Api;
using DataCustody.Grains.Statements;
using DataCustody.Sdk;
using DataCustody.Sdk.Keys;
using DataCustody.Sdk.Models;

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

    /// <summary>
    /// Signs in, registers (an existing registration is kept), adds a fresh key, and declares a profile and
    /// terms unless the provider has them from an earlier run.
    /// </summary>
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
            var now = DateTimeOffset.UtcNow;
            // A broker the demo ran against before keeps the profile and the terms it has: terms are declared once.
            JsonElement? history = registered.IsSuccessStatusCode ? null : await api.GetAsync($"api/v1/providers/{BrokerApi.Segment(story.Id)}/history", cancellationToken);
            var declarations = new List<ProviderStatement>();
            if (history is not { } known || known.GetProperty("profiles").GetArrayLength() == 0)
            {
                declarations.Add(new ProfileDeclared(
                    NewId("profile"), now, story.Id, story.Level,
                    EncryptionAtRest: true, EncryptionInTransit: true, Pseudonymisation: story.Level >= 3, AccessLogging: true,
                    story.Level >= 3 ? [new Certification(CertificationScheme.Iso27001, $"IS {story.Id.ToUpperInvariant()}-001", new DateOnly(2030, 3, 31))] : [],
                    [story.StorageJurisdiction], RetentionDays: 365, [.. story.Subprocessors]));
            }
            if (history is not { } declared || !declared.GetProperty("terms").EnumerateArray().Any(t => t.GetProperty("sha256").GetString() == sha))
            {
                declarations.Add(new TermsDeclared(
                    NewId("terms"), now, story.Id, sha, $"{story.Name} model contract, version 1", termsText,
                    new TermsSummary(story.OnwardTransferAllowed, BreachNotificationHours: 72, story.DeletionDays, story.Jurisdiction)));
            }
            if (declarations.Count > 0)
            {
                await provider.SubmitAsync(cancellationToken, [.. declarations]);
            }
            return provider;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Signs and submits statements in one batch, as the SDK signs them; returns each result. A rejected statement is an error.</summary>
    public async Task<JsonElement[]> SubmitAsync(CancellationToken cancellationToken, params ProviderStatement[] statements)
    {
        var signed = statements.Select(s => SignedStatement.Sign(s, Key).Jws).ToArray();
        var answer = await Api.PostAsync("api/v1/statements", new { statements = signed }, cancellationToken);
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
}

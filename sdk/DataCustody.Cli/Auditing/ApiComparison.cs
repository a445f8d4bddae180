using System.Globalization;
using System.Net;
using System.Text.Json;
using Dapper;
using DataCustody.Cli.Api;
using DataCustody.Cli.Progress;
using DataCustody.Storage;

namespace DataCustody.Cli.Auditing;

/// <summary>
/// Compares what the API answers with the projections rebuilt from the log: for every provider in the
/// rebuilt <c>providers</c> table its registration and current profile, its history (profiles and terms),
/// and its open deletion obligations when the token may read them.
/// </summary>
internal sealed class ApiComparison(BrokerApi api, BrokerApi? obligationsApi, Database rebuilt, WorkProgress progress)
{
    private readonly List<string> _mismatches = [];

    /// <summary>What was compared and what differed.</summary>
    public sealed record Outcome(int Providers, int ProfileRows, int TermsRows, int ObligationRows, bool ObligationsCompared, IReadOnlyList<string> Mismatches);

    public async Task<Outcome> RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await rebuilt.OpenAsync(cancellationToken);
        var providers = Rows(await connection.QueryAsync("SELECT * FROM providers ORDER BY provider_id"));
        var profiles = Rows(await connection.QueryAsync("SELECT * FROM provider_profiles ORDER BY provider_id, version"));
        var terms = Rows(await connection.QueryAsync("SELECT * FROM provider_terms ORDER BY provider_id, version"));
        var obligations = Rows(await connection.QueryAsync("SELECT * FROM obligations WHERE status <> 'answered' ORDER BY obligation_id"));

        var step = progress.Start("API compared with the rebuilt projections", providers.Count);
        var obligationsCompared = true;
        foreach (var provider in providers)
        {
            var id = Text(provider["provider_id"])!;
            var segment = BrokerApi.Segment(id);
            var theirProfiles = profiles.Where(p => Text(p["provider_id"]) == id).ToList();
            var theirTerms = terms.Where(t => Text(t["provider_id"]) == id).ToList();

            var details = await GetAsync(api, $"api/v1/providers/{segment}", "providers", id, cancellationToken);
            if (details is { } registration)
            {
                CompareRegistration(id, registration, provider, theirProfiles.LastOrDefault());
            }
            var history = await GetAsync(api, $"api/v1/providers/{segment}/history", "provider_profiles", id, cancellationToken);
            if (history is { } h)
            {
                CompareList("provider_profiles", id, h.GetProperty("profiles"), theirProfiles, "version", CompareProfile);
                CompareList("provider_terms", id, h.GetProperty("terms"), theirTerms, "sha256", CompareTerms);
            }
            if (obligationsCompared)
            {
                obligationsCompared = await CompareObligationsAsync(id, obligations.Where(o => Text(o["holder"]) == id).ToList(), cancellationToken);
            }
            step.Increment();
        }
        step.Complete($"{providers.Count} providers, {profiles.Count} profile versions, {terms.Count} terms" +
            (obligationsCompared ? $", {obligations.Count} open obligations" : ""));
        return new Outcome(providers.Count, profiles.Count, terms.Count, obligations.Count, obligationsCompared, _mismatches);
    }

    private async Task<JsonElement?> GetAsync(BrokerApi broker, string path, string table, string key, CancellationToken cancellationToken)
    {
        using var response = await broker.SendRawAsync(HttpMethod.Get, path, null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            Mismatch(table, key, "(row)", "not found (404)", "present");
            return null;
        }
        if (!response.IsSuccessStatusCode)
        {
            throw await BrokerProblemException.ReadAsync($"GET {path}", response, cancellationToken);
        }
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.Clone();
    }

    private void CompareRegistration(string id, JsonElement api, IDictionary<string, object?> row, IDictionary<string, object?>? currentProfile)
    {
        Compare("providers", id, "name", Member(api, "name"), Text(row["name"]));
        Compare("providers", id, "jurisdiction", Member(api, "jurisdiction"), Text(row["jurisdiction"]));
        Compare("providers", id, "sector", Member(api, "sector"), Text(row["sector"]));
        Compare("providers", id, "contact", Member(api, "contact"), Text(row["contact"]));
        Compare("providers", id, "registered_index", Member(api, "registeredIndex"), Text(row["registered_index"]));
        var profile = api.TryGetProperty("currentProfile", out var p) && p.ValueKind == JsonValueKind.Object ? p : (JsonElement?)null;
        if (profile is null || currentProfile is null)
        {
            Compare("provider_profiles", id, "current profile", profile is null ? "none" : $"version {Member(profile.Value, "version")}",
                currentProfile is null ? "none" : $"version {Text(currentProfile["version"])}");
            return;
        }
        CompareProfile($"{id}, current profile", profile.Value, currentProfile);
    }

    private void CompareProfile(string key, JsonElement api, IDictionary<string, object?> row)
    {
        Compare("provider_profiles", key, "version", Member(api, "version"), Text(row["version"]));
        Compare("provider_profiles", key, "level", Member(api, "level"), Text(row["level"]));
        Compare("provider_profiles", key, "entry_index", Member(api, "entryIndex"), Text(row["entry_index"]));
        Compare("provider_profiles", key, "declared_at", Millis(api, "declaredAt"), Text(row["declared_at_ms"]));
        Compare("provider_profiles", key, "statement", Canonical(api.GetProperty("statement")), CanonicalText(Text(row["statement"])));
    }

    private void CompareTerms(string key, JsonElement api, IDictionary<string, object?> row)
    {
        Compare("provider_terms", key, "version", Member(api, "version"), Text(row["version"]));
        Compare("provider_terms", key, "title", Member(api, "title"), Text(row["title"]));
        Compare("provider_terms", key, "entry_index", Member(api, "entryIndex"), Text(row["entry_index"]));
        Compare("provider_terms", key, "declared_at", Millis(api, "declaredAt"), Text(row["declared_at_ms"]));
        var statement = Text(row["statement"]);
        Compare("provider_terms", key, "statement", Canonical(api.GetProperty("statement")), CanonicalText(statement));
        // The summary members the API lists are the logged statement's.
        using var logged = JsonDocument.Parse(statement ?? "{}");
        var summary = logged.RootElement.TryGetProperty("summary", out var s) ? s : default;
        Compare("provider_terms", key, "deletionDays", Member(api, "deletionDays"), summary.ValueKind == JsonValueKind.Object ? Member(summary, "deletionDays") : null);
        Compare("provider_terms", key, "onwardTransferAllowed", Member(api, "onwardTransferAllowed"), summary.ValueKind == JsonValueKind.Object ? Member(summary, "onwardTransferAllowed") : null);
    }

    private void CompareList(string table, string provider, JsonElement api, List<IDictionary<string, object?>> rows, string keyColumn,
        Action<string, JsonElement, IDictionary<string, object?>> compare)
    {
        var apiKey = keyColumn == "sha256" ? "sha256" : "version";
        var byKey = api.EnumerateArray().ToDictionary(e => Member(e, apiKey) ?? "", StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var key = Text(row[keyColumn])!;
            if (!byKey.Remove(key, out var served))
            {
                Mismatch(table, $"{provider}, {keyColumn}={key}", "(row)", "missing", "present");
                continue;
            }
            compare($"{provider}, {keyColumn}={key}", served, row);
        }
        foreach (var extra in byKey.Keys)
        {
            Mismatch(table, $"{provider}, {keyColumn}={extra}", "(row)", "present", "missing");
        }
    }

    private async Task<bool> CompareObligationsAsync(string provider, List<IDictionary<string, object?>> rows, CancellationToken cancellationToken)
    {
        var broker = obligationsApi ?? api;
        var path = $"api/v1/providers/{BrokerApi.Segment(provider)}/obligations";
        using var response = await broker.SendRawAsync(HttpMethod.Get, path, null, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            progress.WriteLine($"NOTE: the broker refuses this token the open obligations ({(int)response.StatusCode} on {path}; only the provider itself and regulators may read them): obligations not compared. Give a regulator's token with --regulator-token to compare them.");
            return false;
        }
        if (!response.IsSuccessStatusCode)
        {
            throw await BrokerProblemException.ReadAsync($"GET {path}", response, cancellationToken);
        }
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var list = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement : document.RootElement.GetProperty("obligations");
        var byId = list.EnumerateArray().ToDictionary(e => Member(e, "obligationId") ?? "", StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var id = Text(row["obligation_id"])!;
            if (!byId.Remove(id, out var served))
            {
                Mismatch("obligations", id, "(open obligation)", "missing", "present");
                continue;
            }
            Compare("obligations", id, "holder", Member(served, "holder"), Text(row["holder"]));
            Compare("obligations", id, "handle", Member(served, "handle"), Text(row["handle"]));
            Compare("obligations", id, "consent_id", Member(served, "consentId"), Text(row["consent_id"]));
            Compare("obligations", id, "status", Member(served, "status")?.ToLowerInvariant(), Text(row["status"])?.ToLowerInvariant());
            Compare("obligations", id, "due_at", Millis(served, "dueAt"), Text(row["due_at_ms"]));
            Compare("obligations", id, "due_index", Member(served, "dueIndex"), Text(row["due_index"]));
            Compare("obligations", id, "overdue_index", Member(served, "overdueIndex"), Text(row["overdue_index"]));
            Compare("obligations", id, "categories", Canonical(served.GetProperty("categories")), CanonicalText(Text(row["categories"])));
        }
        foreach (var extra in byId.Keys)
        {
            Mismatch("obligations", extra, "(open obligation)", "present", "missing");
        }
        return true;
    }

    private void Compare(string table, string key, string column, string? api, string? rebuiltValue)
    {
        if (!string.Equals(api, rebuiltValue, StringComparison.Ordinal))
        {
            Mismatch(table, key, column, api is null ? "(none)" : $"\"{api}\"", rebuiltValue is null ? "(none)" : $"\"{rebuiltValue}\"");
        }
    }

    private void Mismatch(string table, string key, string column, string api, string rebuiltValue) =>
        _mismatches.Add($"MISMATCH {table} [{key}] {column}: API {api}, rebuilt from the log {rebuiltValue}");

    private static List<IDictionary<string, object?>> Rows(IEnumerable<dynamic> rows) => [.. rows.Select(r => (IDictionary<string, object?>)r)];

    private static string? Text(object? value) => value switch
    {
        null or DBNull => null,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string? Member(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.GetRawText(),
        };

    private static string? Millis(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var time)
            ? time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)
            : Member(element, name);

    private static string Canonical(JsonElement element) => JsonSerializer.Serialize(element);

    private static string? CanonicalText(string? json)
    {
        if (json is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement);
        }
        catch (JsonException)
        {
            return json;
        }
    }
}

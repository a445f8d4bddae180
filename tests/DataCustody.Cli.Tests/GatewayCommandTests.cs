using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataCustody.Sdk.Keys;
using DataCustody.Testing;
using Microsoft.Data.Sqlite;

namespace DataCustody.Cli.Tests;

/// <summary><c>provider register</c>, <c>demo</c> and <c>audit</c> against the real gateway, run as its own process on loopback.</summary>
public sealed partial class GatewayCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private GatewayProcess _gateway = null!;

    private string Url => _gateway.BaseAddress.ToString();

    public async Task InitializeAsync() => _gateway = await GatewayProcess.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Provider_register_registers_the_provider_and_its_key_and_prints_problems_with_their_field()
    {
        using var key = ProviderKey.Generate("backup-key-1");
        var keyFile = _directory.File("backup.key");
        await File.WriteAllTextAsync(keyFile, key.ToPem());

        var run = await RegisterAsync("backup", "JP", "--key", keyFile, "--kid", "backup-key-1");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        using var printed = JsonDocument.Parse(run.Output);
        Assert.Equal("backup", printed.RootElement.GetProperty("provider").GetProperty("providerId").GetString());
        Assert.Equal("backup-key-1", printed.RootElement.GetProperty("key").GetProperty("kid").GetString());
        using var regulator = DemoTokens.WithBearer(_gateway.BaseAddress, (await DemoTokens.ForPersonAsync(_gateway.BaseAddress, "regina")).AccessToken);
        var served = await regulator.GetFromJsonAsync<JsonElement>("api/v1/providers/backup");
        Assert.Equal("Backup Overseas Pte. Ltd.", served.GetProperty("name").GetString());

        var again = await RegisterAsync("backup", "JP");
        Assert.Equal(ExitCodes.InvalidInput, again.ExitCode);
        Assert.Contains("409", again.Error, StringComparison.Ordinal);

        var invalid = await RegisterAsync("delivery", "Japan");
        Assert.Equal(ExitCodes.InvalidInput, invalid.ExitCode);
        Assert.Contains("field: jurisdiction", invalid.Error, StringComparison.Ordinal);
        Assert.Contains("detail: ", invalid.Error, StringComparison.Ordinal);
        using var unregistered = await regulator.GetAsync("api/v1/providers/delivery");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unregistered.StatusCode);

        var wrongSecret = await Custody.RunAsync("provider", "register", "--url", Url, "--client-id", "cloud", "--client-secret", "not-the-secret",
            "--name", "Cloud", "--jurisdiction", "JP", "--sector", "IT", "--contact", "privacy@cloud.example");
        Assert.Equal(ExitCodes.InvalidInput, wrongSecret.ExitCode);
        Assert.Contains("token for client cloud", wrongSecret.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_passes_on_the_honest_log_after_the_demo_and_reports_a_row_changed_in_the_database()
    {
        var demo = await Custody.RunAsync("demo", "--url", Url);
        Assert.True(demo.ExitCode == ExitCodes.Success, demo.Error + demo.Output);
        Assert.Contains("Demo story loaded", demo.Output, StringComparison.Ordinal);
        Assert.Contains("revoked", demo.Output, StringComparison.Ordinal);
        // More than a tile's worth of entries, so that full tiles, partial ones and level-1 tiles are all checked.
        await SubmitProfilesAsync("shop", 300);
        var logKey = (await _gateway.GetVerifierKeyAsync()).ToString();
        var size = await WaitForCheckpointOfWholeLogAsync(logKey);
        Assert.True(size > 256, $"log size {size}");
        var auditor = (await DemoTokens.ForPersonAsync(_gateway.BaseAddress, "audrey")).AccessToken;
        var regulator = (await DemoTokens.ForPersonAsync(_gateway.BaseAddress, "regina")).AccessToken;

        var honest = await AuditAsync(auditor, logKey, "--regulator-token", regulator);
        Assert.True(honest.ExitCode == ExitCodes.Success, honest.Error + honest.Output);
        Assert.Contains("audit passed", honest.Output, StringComparison.Ordinal);
        Assert.Contains("4 providers", honest.Output, StringComparison.Ordinal);
        var open = int.Parse(OpenObligations().Match(honest.Output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(open >= 1, honest.Output);
        Assert.True(File.Exists(Path.Combine(_directory.Path, "audit", "projections.db")));
        Assert.Contains("304 profile versions", honest.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory.Path, "audit", "tile", "0", "000")));
        Assert.True(File.Exists(Path.Combine(_directory.Path, "audit", "tile", "1", "000.p", "1")));
        Assert.True(File.Exists(Path.Combine(_directory.Path, "audit", "tile", "entries", "000")));

        // The auditor alone may not read obligations: the audit says so and compares the rest.
        var auditorOnly = await AuditAsync(auditor, logKey);
        Assert.True(auditorOnly.ExitCode == ExitCodes.Success, auditorOnly.Error + auditorOnly.Output);
        Assert.Contains("obligations not compared", auditorOnly.Error, StringComparison.Ordinal);

        // A citizen is refused the entries.
        var alice = (await DemoTokens.ForPersonAsync(_gateway.BaseAddress, "alice")).AccessToken;
        var refused = await AuditAsync(alice, logKey);
        Assert.Equal(ExitCodes.InvalidInput, refused.ExitCode);
        Assert.Contains("403", refused.Error, StringComparison.Ordinal);

        // Someone changes a projection row behind the log's back while the broker is down.
        await _gateway.KillAsync();
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_gateway.DataFolder, "custody.db"), Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE providers SET name = 'Tampered Shop' WHERE provider_id = 'shop'";
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }
        await _gateway.RestartAsync();

        var tampered = await AuditAsync(auditor, logKey, "--regulator-token", regulator);

        Assert.Equal(ExitCodes.ProjectionMismatch, tampered.ExitCode);
        Assert.Contains("MISMATCH providers [shop] name: API \"Tampered Shop\", rebuilt from the log \"Shop Example K.K. (online shop)\"", tampered.Output, StringComparison.Ordinal);
        Assert.Contains("AUDIT FAILED", tampered.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_runs_again_for_another_person_and_keeps_the_providers_terms_declared_once()
    {
        var first = await Custody.RunAsync("demo", "--url", Url);
        Assert.True(first.ExitCode == ExitCodes.Success, first.Error + first.Output);

        var second = await Custody.RunAsync("demo", "--url", Url, "--person", "bob", "--password", DemoTokens.Passwords["bob"]);

        Assert.True(second.ExitCode == ExitCodes.Success, second.Error + second.Output);
        Assert.Contains("provider shop      Shop Example K.K. (online shop): already registered", second.Output, StringComparison.Ordinal);
        Assert.Contains("bob consented", second.Output, StringComparison.Ordinal);
        using var regulator = DemoTokens.WithBearer(_gateway.BaseAddress, (await DemoTokens.ForPersonAsync(_gateway.BaseAddress, "regina")).AccessToken);
        var history = await regulator.GetFromJsonAsync<JsonElement>("api/v1/providers/shop/history");
        Assert.Equal(1, history.GetProperty("terms").GetArrayLength());
        Assert.Equal(1, history.GetProperty("profiles").GetArrayLength());
        using var bob = DemoTokens.WithBearer(_gateway.BaseAddress, (await DemoTokens.ForPersonAsync(_gateway.BaseAddress, "bob")).AccessToken);
        var custody = await bob.GetFromJsonAsync<JsonElement>("api/v1/me/custody");
        Assert.Equal(4, custody.GetProperty("holders").GetArrayLength());
    }

    [Fact]
    public async Task Verify_proofs_accepts_a_persons_bundle_and_refuses_a_changed_entry_another_key_and_no_bundle()
    {
        var demo = await Custody.RunAsync("demo", "--url", Url);
        Assert.True(demo.ExitCode == ExitCodes.Success, demo.Error + demo.Output);
        var logKey = (await _gateway.GetVerifierKeyAsync()).ToString();
        await WaitForCheckpointOfWholeLogAsync(logKey);
        using var alice = DemoTokens.WithBearer(_gateway.BaseAddress, (await DemoTokens.ForPersonAsync(_gateway.BaseAddress, "alice")).AccessToken);
        var bundleJson = await alice.GetStringAsync("api/v1/me/proofs");
        var bundleFile = _directory.File("proofs.json");
        await File.WriteAllTextAsync(bundleFile, bundleJson);
        var indices = JsonDocument.Parse(bundleJson).RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("index").GetInt64()).ToList();

        var valid = await Custody.RunAsync("verify", "proofs", "--bundle", bundleFile, "--key", logKey);

        Assert.True(valid.ExitCode == ExitCodes.Success, valid.Error);
        Assert.StartsWith($"VALID: {indices.Count} entries ({string.Join(", ", indices.Select(i => "#" + i))}) are in the log", valid.Output, StringComparison.Ordinal);
        Assert.True(indices.Count >= 10, valid.Output);

        // One byte of one entry changed: its proof no longer leads to the signed root.
        var changed = JsonNode.Parse(bundleJson)!;
        var leaf = changed["entries"]![1]!["leaf"]!;
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(leaf.GetValue<string>());
        bytes[^2] ^= 1;
        leaf.ReplaceWith(System.Buffers.Text.Base64Url.EncodeToString(bytes));
        var changedFile = _directory.File("changed.json");
        await File.WriteAllTextAsync(changedFile, changed.ToJsonString());
        var badProof = await Custody.RunAsync("verify", "proofs", "--bundle", changedFile, "--key", logKey);
        Assert.Equal(ExitCodes.ReceiptBadProof, badProof.ExitCode);
        Assert.Contains($"INVALID (BAD INCLUSION PROOF): Entry {indices[1]}:", badProof.Error, StringComparison.Ordinal);

        var otherKey = Transparency.Notes.NoteSignerKey.Generate(GatewayProcess.Origin).Verifier.ToString();
        var badCheckpoint = await Custody.RunAsync("verify", "proofs", "--bundle", bundleFile, "--key", otherKey);
        Assert.Equal(ExitCodes.BadCheckpoint, badCheckpoint.ExitCode);
        Assert.StartsWith("INVALID (BAD CHECKPOINT):", badCheckpoint.Error, StringComparison.Ordinal);

        var notABundle = _directory.File("not-a-bundle.json");
        await File.WriteAllTextAsync(notABundle, "{\"entries\": 3}");
        var malformed = await Custody.RunAsync("verify", "proofs", "--bundle", notABundle, "--key", logKey);
        Assert.Equal(ExitCodes.InvalidInput, malformed.ExitCode);
        Assert.StartsWith("INVALID (MALFORMED BUNDLE):", malformed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receipt_fetch_writes_a_receipt_that_verify_accepts_and_refuses_a_leaf_hash_the_log_does_not_hold_or_another_statement_id()
    {
        Assert.Equal(ExitCodes.Success, (await RegisterAsync("delivery", "JP")).ExitCode);
        var result = (await SubmitProfilesAsync("delivery", 1))[0];
        var logKey = (await _gateway.Http.GetStringAsync("log/v1/key")).Trim();
        var token = await DemoTokens.ForClientAsync(_gateway.BaseAddress, "delivery");
        var receiptFile = _directory.File("receipt.json");
        string[] Fetch(string leafHash, string output) =>
        [
            "receipt", "fetch", "--url", Url, "--token", token, "--key", logKey, "--statement-id", result.GetProperty("statementId").GetString()!,
            "--entry-index", result.GetProperty("entryIndex").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--leaf-hash", leafHash, "--out", output,
        ];

        var fetched = await Custody.RunAsync(Fetch(result.GetProperty("leafHash").GetString()!, receiptFile));
        Assert.True(fetched.ExitCode == ExitCodes.Success, fetched.Error);
        var verified = await Custody.RunAsync("verify", "receipt", "--receipt", receiptFile, "--key", logKey);
        Assert.True(verified.ExitCode == ExitCodes.Success, verified.Error);
        Assert.Contains("VALID: statement bulk-profile-0 of delivery", verified.Output, StringComparison.Ordinal);
        var relabelledFile = _directory.File("relabelled.json");
        var relabelled = JsonNode.Parse(await File.ReadAllTextAsync(receiptFile))!;
        relabelled["statementId"] = "bulk-profile-1";
        await File.WriteAllTextAsync(relabelledFile, relabelled.ToJsonString());
        var refusedLabel = await Custody.RunAsync("verify", "receipt", "--receipt", relabelledFile, "--key", logKey);
        Assert.Equal(ExitCodes.ReceiptEntryMismatch, refusedLabel.ExitCode);
        Assert.StartsWith("INVALID (ENTRY MISMATCH):", refusedLabel.Error, StringComparison.Ordinal);

        var otherLeaf = DataCustody.Transparency.Codecs.StrictBase64.EncodeUrl(new byte[32]);
        var refused = await Custody.RunAsync(Fetch(otherLeaf, _directory.File("other.json")));
        Assert.Equal(ExitCodes.ReceiptBadProof, refused.ExitCode);
        Assert.False(File.Exists(_directory.File("other.json")));
    }

    private Task<CustodyRun> RegisterAsync(string client, string jurisdiction, params string[] more) => Custody.RunAsync(
        [
            "provider", "register", "--url", Url, "--client-id", client, "--client-secret", DemoTokens.ClientSecrets[client],
            "--name", client == "backup" ? "Backup Overseas Pte. Ltd." : $"{client} K.K.", "--jurisdiction", jurisdiction, "--sector", "Information technology",
            "--contact", $"privacy@{client}.example", .. more,
        ],
        CancellationToken.None);

    private Task<CustodyRun> AuditAsync(string token, string logKey, params string[] more) => Custody.RunAsync(
        ["audit", "--url", Url, "--token", token, "--key", logKey, "--work", Path.Combine(_directory.Path, "audit"), .. more],
        CancellationToken.None);

    /// <summary>Waits until the log's checkpoint covers every entry in the gateway's database, so the audit sees what the API sees.</summary>
    private async Task<long> WaitForCheckpointOfWholeLogAsync(string logKey)
    {
        long logged;
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_gateway.DataFolder, "custody.db"), Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString()))
        {
            await connection.OpenAsync();
            await using var query = connection.CreateCommand();
            query.CommandText = "SELECT size FROM ledger_head WHERE id = 1";
            logged = (long)(await query.ExecuteScalarAsync())!;
        }
        var key = DataCustody.Transparency.Notes.NoteVerifierKey.Parse(logKey);
        await Eventually.UntilAsync(
            async () => (await _gateway.GetCheckpointAsync(key)).Checkpoint.Size,
            size => size >= (ulong)logged,
            TimeSpan.FromSeconds(30),
            $"a checkpoint of all {logged} entries");
        return logged;
    }

    /// <summary>Declares <paramref name="count"/> more profile versions of a demo provider, under a key of its own; returns the results.</summary>
    private async Task<JsonElement[]> SubmitProfilesAsync(string providerId, int count)
    {
        using var http = DemoTokens.WithBearer(_gateway.BaseAddress, await DemoTokens.ForClientAsync(_gateway.BaseAddress, providerId));
        using var key = ProviderKey.Generate("bulk-key");
        using (var added = await http.PostAsJsonAsync($"api/v1/providers/{providerId}/keys", new { kid = key.KeyId, publicKey = key.PublicKeyBase64Url, validFrom = "2020-01-01T00:00:00Z" }))
        {
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }
        var issuedAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var statements = Enumerable.Range(0, count).Select(i => DataCustody.Transparency.Jws.CompactJws.Sign(key.Key, key.KeyId, System.Text.Encoding.UTF8.GetBytes($$"""
            {"id":"bulk-profile-{{i}}","issuedAt":"{{issuedAt}}","type":"provider.profile","provider":"{{providerId}}","level":{{1 + (i % 4)}},
             "encryptionAtRest":true,"encryptionInTransit":true,"pseudonymisation":false,"accessLogging":true,"certifications":[],
             "storageJurisdictions":["JP"],"retentionDays":365,"subprocessors":[]}
            """))).ToArray();
        using var response = await http.PostAsJsonAsync("api/v1/statements", new { statements });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        var results = body.GetProperty("results").EnumerateArray().ToArray();
        Assert.All(results, r => Assert.Equal("recorded", r.GetProperty("status").GetString()));
        return results;
    }

    [GeneratedRegex(@"(\d+) open obligations")]
    private static partial Regex OpenObligations();
}

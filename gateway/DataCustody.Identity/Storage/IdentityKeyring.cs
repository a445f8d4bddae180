using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using DataCustody.Identity.Configuration;
using DataCustody.Identity.Provider;
using DataCustody.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;

namespace DataCustody.Identity.Storage;

/// <summary>
/// The embedded provider's signing and encryption keys, kept in the shared database: every node and
/// every restart reads the same ones. Ephemeral keys would invalidate every token at each restart and
/// differ between nodes. Signing keys rotate on the <see cref="SigningKeySchedule"/>: each node reads
/// them again every <see cref="IdentitySettings.SigningKeyCheckInterval"/>, the first node to find the
/// next key due stores it, and <see cref="SigningKeysChanged"/> tells the provider to take the new set.
/// </summary>
internal sealed partial class IdentityKeyring(
    Database database,
    IOptions<IdentitySettings> settings,
    TimeProvider time,
    ILogger<IdentityKeyring> logger) : IHostedService, IDisposable
{
    private const string EncryptionPurpose = "encryption";
    private const string SelectSigningKeys =
        "SELECT generation AS Generation, key_material AS KeyMaterial, active_from_ms AS ActiveFromMs FROM identity_signing_keys ORDER BY generation";

    private readonly SigningKeySchedule _schedule = new(
        settings.Value.SigningKeyRotation, settings.Value.SigningKeyAnnouncement, TokenLifetimes.Longest);
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    // Imported once per generation: every refresh would otherwise parse every key again.
    private readonly Dictionary<long, SigningCredentials> _credentials = [];
    private SigningKeys? _signing;
    private EncryptingCredentials? _encryption;
    private CancellationTokenSource _changed = new();
    private ITimer? _timer;

    /// <summary>
    /// The published signing keys, the one that signs first: OpenIddict signs with the first and verifies
    /// with all of them, including the retired ones whose tokens may still be valid.
    /// </summary>
    public IReadOnlyList<SigningCredentials> SigningCredentials => (_signing ?? throw NotStarted()).Credentials;

    /// <summary>Encrypts what only the provider reads back: authorization codes and refresh tokens.</summary>
    public EncryptingCredentials Encryption => _encryption ?? throw NotStarted();

    /// <summary>The keys that verify access tokens: every published signing key, listed once per change rather than per request.</summary>
    public IReadOnlyList<SecurityKey> VerificationKeys => (_signing ?? throw NotStarted()).Keys;

    /// <summary>Fires when <see cref="SigningCredentials"/> changed: a key was added or deleted, or another took over signing.</summary>
    public IChangeToken SigningKeysChanged => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

    /// <summary>Brings the schema up to date, reads the keys (storing those due) and starts checking them.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The provider may start before the silo has migrated, or in a gateway with no silo.
        await SchemaMigrator.MigrateAsync(database, cancellationToken);
        _encryption = EncryptingCredentialsOf(await LoadOrCreateEncryptionKeyAsync(cancellationToken));
        await RefreshSigningKeysAsync(cancellationToken);
        var interval = settings.Value.SigningKeyCheckInterval;
        _timer = time.CreateTimer(_ => _ = CheckSigningKeysAsync(), null, interval, interval);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose() => _timer?.Dispose();

    /// <summary>
    /// Reads the signing keys, stores the next one when it is due and deletes those expired, then publishes
    /// the set. Runs on every check; a test may run it itself.
    /// </summary>
    internal async Task RefreshSigningKeysAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var stored = await ReadSigningKeysAsync(connection);
            var now = time.GetUtcNow();
            var times = stored.Select(key => key.Times).ToList();
            var written = false;
            if (_schedule.SuccessorActiveFrom(times, now) is { } activeFrom)
            {
                var generation = stored.Count == 0 ? 1 : stored[^1].Generation + 1;
                // Two nodes finding it due at once both try the same generation; the first insert wins, and
                // both read back the one stored.
                var inserted = await connection.ExecuteAsync(
                    "INSERT INTO identity_signing_keys (generation, key_material, created_at_ms, active_from_ms) VALUES (@generation, @material, @createdAt, @activeFrom) ON CONFLICT (generation) DO NOTHING",
                    new { generation, material = NewSigningKey(), createdAt = now.ToUnixTimeMilliseconds(), activeFrom = activeFrom.ToUnixTimeMilliseconds() });
                if (inserted == 1)
                {
                    LogSigningKeyStored(generation, activeFrom);
                }
                written = true;
            }
            if (_schedule.Expired(times, now) is { Count: > 0 } expired)
            {
                await connection.ExecuteAsync($"DELETE FROM identity_signing_keys WHERE {database.Dialect.InList("generation", "expired")}", new { expired });
                LogSigningKeysDeleted(expired);
                written = true;
            }
            Publish(written ? await ReadSigningKeysAsync(connection) : stored, now);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private async Task CheckSigningKeysAsync()
    {
        try
        {
            await RefreshSigningKeysAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or CryptographicException)
        {
            // The keys read last stay in use; the next check tries again, well before a stored successor signs.
            LogCheckFailed(e);
        }
    }

    private void Publish(IReadOnlyList<StoredSigningKey> stored, DateTimeOffset now)
    {
        foreach (var generation in _credentials.Keys.Except(stored.Select(key => key.Generation)).ToList())
        {
            _credentials.Remove(generation);
        }
        var published = stored.Select(key => _credentials.TryGetValue(key.Generation, out var known)
            ? known
            : _credentials[key.Generation] = SigningCredentialsOf(key.KeyMaterial)).ToList();
        var signing = SigningKeySchedule.SigningIndex([.. stored.Select(key => key.Times)], now);
        IReadOnlyList<SigningCredentials> ordered = [published[signing], .. published.Where((_, i) => i != signing)];

        var previous = _signing?.Credentials;
        if (previous is not null && previous.Select(KeyIdOf).SequenceEqual(ordered.Select(KeyIdOf)))
        {
            return;
        }
        _signing = new SigningKeys(ordered);
        if (previous is null || KeyIdOf(previous[0]) != KeyIdOf(ordered[0]))
        {
            LogSigningWith(stored[signing].Generation, KeyIdOf(ordered[0]));
        }
        // Not disposed: a listener may still be registering on the token it read just before.
        Interlocked.Exchange(ref _changed, new CancellationTokenSource()).Cancel();
    }

    private static async Task<List<StoredSigningKey>> ReadSigningKeysAsync(DbConnection connection) =>
        [.. await connection.QueryAsync<StoredSigningKey>(SelectSigningKeys)];

    private async Task<byte[]> LoadOrCreateEncryptionKeyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        const string select = "SELECT key_material FROM identity_keys WHERE purpose = @purpose";
        var purpose = EncryptionPurpose;
        var stored = await connection.QuerySingleOrDefaultAsync<byte[]>(select, new { purpose });
        if (stored is not null)
        {
            return stored;
        }
        // Two nodes starting together both generate; the first insert wins and both read it back.
        await connection.ExecuteAsync(
            "INSERT INTO identity_keys (purpose, key_material, created_at_ms) VALUES (@purpose, @material, @at) ON CONFLICT (purpose) DO NOTHING",
            new { purpose, material = RandomNumberGenerator.GetBytes(32), at = time.GetUtcNow().ToUnixTimeMilliseconds() });
        return await connection.QuerySingleAsync<byte[]>(select, new { purpose });
    }

    private static byte[] NewSigningKey()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKey();
    }

    private static SigningCredentials SigningCredentialsOf(byte[] pkcs8)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(pkcs8, out _);
        var key = new RsaSecurityKey(rsa);
        // The thumbprint is the same on every node, so a token's kid finds its key anywhere.
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return new SigningCredentials(key, SecurityAlgorithms.RsaSha256);
    }

    private static EncryptingCredentials EncryptingCredentialsOf(byte[] secret)
    {
        var key = new SymmetricSecurityKey(secret);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return new EncryptingCredentials(key, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512);
    }

    private static string KeyIdOf(SigningCredentials credentials) => credentials.Key.KeyId;

    private static InvalidOperationException NotStarted() =>
        new("The identity keys are read when the host starts; the host has not started.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored signing key generation {Generation}; it is published now and signs from {ActiveFrom:O}")]
    private partial void LogSigningKeyStored(long generation, DateTimeOffset activeFrom);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signing tokens with key generation {Generation} ({KeyId})")]
    private partial void LogSigningWith(long generation, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted signing key generations {Generations}: no token they signed is still valid")]
    private partial void LogSigningKeysDeleted(IReadOnlyList<long> generations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the signing keys failed; the keys read last stay in use until the next check")]
    private partial void LogCheckFailed(Exception error);

    private sealed class SigningKeys(IReadOnlyList<SigningCredentials> credentials)
    {
        public IReadOnlyList<SigningCredentials> Credentials { get; } = credentials;

        public IReadOnlyList<SecurityKey> Keys { get; } = [.. credentials.Select(c => c.Key)];
    }

    private sealed record StoredSigningKey(long Generation, byte[] KeyMaterial, long ActiveFromMs)
    {
        public SigningKeySchedule.KeyTimes Times => new(Generation, DateTimeOffset.FromUnixTimeMilliseconds(ActiveFromMs));
    }
}

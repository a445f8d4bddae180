using System.Data.Common;
using System.Security.Cryptography;
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
/// differ between nodes. Both rotate on one <see cref="KeySchedule"/>: each node reads them again every
/// <see cref="IdentitySettings.KeyCheckInterval"/>, the first node to find the next key due stores it,
/// and <see cref="KeysChanged"/> tells the provider to take the new set.
/// </summary>
internal sealed partial class IdentityKeyring : IHostedService, IDisposable
{
    private readonly Database _database;
    private readonly IdentitySettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<IdentityKeyring> _logger;
    private readonly KeySchedule _schedule;
    private readonly RotatingKeys _signing;
    private readonly RotatingKeys _encryption;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private CancellationTokenSource _changed = new();
    private ITimer? _timer;

    public IdentityKeyring(Database database, IOptions<IdentitySettings> settings, TimeProvider time, ILogger<IdentityKeyring> logger)
    {
        (_database, _settings, _time, _logger) = (database, settings.Value, time, logger);
        _schedule = new KeySchedule(_settings.KeyRotation, _settings.KeyAnnouncement, TokenLifetimes.Longest);
        _signing = new RotatingKeys("identity_signing_keys", "signing", NewSigningKey, SigningKeyOf, logger);
        _encryption = new RotatingKeys("identity_encryption_keys", "encryption", () => RandomNumberGenerator.GetBytes(32), EncryptionKeyOf, logger);
    }

    /// <summary>
    /// Signs tokens (RS256) with the first key and verifies with all: the published key set, which also holds
    /// the next key before it signs and the retired ones whose tokens may still be valid.
    /// </summary>
    public IReadOnlyList<SigningCredentials> SigningCredentials =>
        [.. Loaded(_signing).Select(key => new SigningCredentials(key, SecurityAlgorithms.RsaSha256))];

    /// <summary>
    /// Encrypts what only the provider reads back, authorization codes and refresh tokens, with the first key;
    /// decrypts with all of them.
    /// </summary>
    public IReadOnlyList<EncryptingCredentials> EncryptionCredentials =>
        [.. Loaded(_encryption).Select(key => new EncryptingCredentials((SymmetricSecurityKey)key, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512))];

    /// <summary>The keys that verify access tokens: every published signing key, listed once per change rather than per request.</summary>
    public IReadOnlyList<SecurityKey> VerificationKeys => Loaded(_signing);

    /// <summary>Fires when a key was added or deleted, or another came into use.</summary>
    public IChangeToken KeysChanged => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

    /// <summary>Brings the schema up to date, reads the keys (storing those due) and starts checking them.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The provider may start before the silo has migrated, or in a gateway with no silo.
        await SchemaMigrator.MigrateAsync(_database, cancellationToken);
        await RefreshAsync(cancellationToken);
        _timer = _time.CreateTimer(_ => _ = CheckAsync(), null, _settings.KeyCheckInterval, _settings.KeyCheckInterval);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose() => _timer?.Dispose();

    /// <summary>Brings both kinds of key up to now and tells the provider when they changed. Runs on every check; a test may run it itself.</summary>
    internal async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            var now = _time.GetUtcNow();
            var signingChanged = await _signing.RefreshAsync(connection, _database.Dialect, _schedule, now);
            var encryptionChanged = await _encryption.RefreshAsync(connection, _database.Dialect, _schedule, now);
            if (signingChanged || encryptionChanged)
            {
                // Not disposed: a listener may still be registering on the token it read just before.
                Interlocked.Exchange(ref _changed, new CancellationTokenSource()).Cancel();
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private async Task CheckAsync()
    {
        try
        {
            await RefreshAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or CryptographicException)
        {
            // The keys read last stay in use; the next check tries again, well before a stored successor is used.
            LogCheckFailed(e);
        }
    }

    private static IReadOnlyList<SecurityKey> Loaded(RotatingKeys keys) => keys.Keys is { Count: > 0 } loaded
        ? loaded
        : throw new InvalidOperationException("The identity keys are read when the host starts; the host has not started.");

    private static byte[] NewSigningKey()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKey();
    }

    private static SecurityKey SigningKeyOf(byte[] pkcs8)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(pkcs8, out _);
        var key = new RsaSecurityKey(rsa);
        // The thumbprint is the same on every node, so a token's kid finds its key anywhere.
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    private static SecurityKey EncryptionKeyOf(byte[] secret)
    {
        var key = new SymmetricSecurityKey(secret);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the identity keys failed; the keys read last stay in use until the next check")]
    private partial void LogCheckFailed(Exception error);
}

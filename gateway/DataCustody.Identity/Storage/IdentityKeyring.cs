using System.Security.Cryptography;
using Dapper;
using DataCustody.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace DataCustody.Identity.Storage;

/// <summary>
/// The embedded provider's signing and encryption keys, kept in the shared database: the first
/// node to start generates them, every node and every restart reads the same ones. Ephemeral keys
/// would invalidate every token at each restart and differ between nodes.
/// </summary>
internal sealed class IdentityKeyring(Database database, TimeProvider time) : IHostedService
{
    private const string SigningPurpose = "signing";
    private const string EncryptionPurpose = "encryption";

    private Keys? _keys;

    /// <summary>Signs identity and access tokens (RS256); its public half is published in the JWKS.</summary>
    public SigningCredentials Signing => Loaded.Signing;

    /// <summary>Encrypts what only the provider reads back: authorization codes and refresh tokens.</summary>
    public EncryptingCredentials Encryption => Loaded.Encryption;

    /// <summary>The key that verifies access tokens.</summary>
    public SecurityKey VerificationKey => Loaded.Signing.Key;

    private Keys Loaded => _keys ?? throw new InvalidOperationException("The identity keys are read when the host starts; the host has not started.");

    /// <summary>Brings the schema up to date and reads the keys, generating those that are missing.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The provider may start before the silo has migrated, or in a gateway with no silo.
        await SchemaMigrator.MigrateAsync(database, cancellationToken);
        var signing = await LoadOrCreateAsync(SigningPurpose, NewSigningKey, cancellationToken);
        var encryption = await LoadOrCreateAsync(EncryptionPurpose, () => RandomNumberGenerator.GetBytes(32), cancellationToken);
        _keys = new Keys(SigningCredentialsOf(signing), EncryptingCredentialsOf(encryption));
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<byte[]> LoadOrCreateAsync(string purpose, Func<byte[]> generate, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        const string select = "SELECT key_material FROM identity_keys WHERE purpose = @purpose";
        var stored = await connection.QuerySingleOrDefaultAsync<byte[]>(select, new { purpose });
        if (stored is not null)
        {
            return stored;
        }
        // Two nodes starting together both generate; the first insert wins and both read it back.
        await connection.ExecuteAsync(
            "INSERT INTO identity_keys (purpose, key_material, created_at_ms) VALUES (@purpose, @material, @at) ON CONFLICT (purpose) DO NOTHING",
            new { purpose, material = generate(), at = time.GetUtcNow().ToUnixTimeMilliseconds() });
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

    private sealed record Keys(SigningCredentials Signing, EncryptingCredentials Encryption);
}

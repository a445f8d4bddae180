using System.Security.Cryptography;
using System.Text;
using Dapper;
using DataCustody.Storage;

namespace DataCustody.Identity.Storage;

/// <summary>
/// The authorization codes and refresh tokens already exchanged, shared by all nodes. Degraded-mode
/// OpenIddict would accept a code twice; this record makes every code and refresh token single-use.
/// </summary>
internal sealed class RedeemedTokens(Database database, TimeProvider time)
{
    // Each node judges a token's expiry by its own clock, and the clocks of nodes differ: a node
    // running behind still takes a code another node has seen expire, so the record of the code
    // must outlive its expiry by more than any skew between the nodes.
    private static readonly TimeSpan ClockSkewMargin = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Records <paramref name="token"/> as redeemed. Returns false when it already was, here or on
    /// another node: the primary key decides, so two concurrent redemptions cannot both succeed.
    /// </summary>
    public async Task<bool> TryRedeemAsync(string token, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        // Only a hash is kept: the table must not become a list of usable tokens.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        await using var connection = await database.OpenAsync(cancellationToken);
        // An expired token is refused before it gets here, on every node once the margin has passed.
        await connection.ExecuteAsync(
            "DELETE FROM identity_redeemed_tokens WHERE expires_at_ms < @before",
            new { before = (time.GetUtcNow() - ClockSkewMargin).ToUnixTimeMilliseconds() });
        var inserted = await connection.ExecuteAsync(
            "INSERT INTO identity_redeemed_tokens (token_hash, expires_at_ms) VALUES (@hash, @expires) ON CONFLICT (token_hash) DO NOTHING",
            new { hash, expires = expiresAt.ToUnixTimeMilliseconds() });
        return inserted == 1;
    }
}

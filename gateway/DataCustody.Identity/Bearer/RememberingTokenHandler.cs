using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.Tokens;

namespace DataCustody.Identity.Bearer;

/// <summary>
/// Validates bearer tokens with <paramref name="inner"/> and remembers each valid one for a short
/// while, so that a provider's system, which sends the same access token with every call for an
/// hour, pays for its signature check and claim parsing once per <see cref="Reuse"/> instead of on
/// every request. A remembered token is trusted until the earlier of its own expiry and
/// <see cref="Reuse"/>: a signing key withdrawn meanwhile stops being honoured within that time.
/// Each request gets its own copy of the token's identity.
/// </summary>
internal sealed class RememberingTokenHandler(TokenHandler inner, TimeProvider time) : TokenHandler
{
    /// <summary>The longest a validated token is trusted without checking it again.</summary>
    public static readonly TimeSpan Reuse = TimeSpan.FromMinutes(5);

    /// <summary>The most tokens remembered at once; reaching it makes room by forgetting the least recently used.</summary>
    public const int Capacity = 10_000;

    private readonly MemoryCache _validated = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <inheritdoc />
    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = time.GetUtcNow();
        if (token is not null && _validated.TryGetValue(token, out Remembered? remembered) && now < remembered!.Until)
        {
            return remembered.Copy();
        }
        var result = await inner.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        if (result.IsValid && result.SecurityToken is { } securityToken && result.ClaimsIdentity is not null)
        {
            var until = new DateTimeOffset(securityToken.ValidTo, TimeSpan.Zero);
            if (now + Reuse < until)
            {
                until = now + Reuse;
            }
            if (now < until)
            {
                // The entry's own expiry only frees the memory: trust ends at Until, read on the injected clock.
                _validated.Set(token!, new Remembered(result, until), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = until });
            }
        }
        return result;
    }

    /// <inheritdoc />
    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    private sealed record Remembered(TokenValidationResult Result, DateTimeOffset Until)
    {
        public TokenValidationResult Copy() => new()
        {
            IsValid = true,
            ClaimsIdentity = Result.ClaimsIdentity.Clone(),
            SecurityToken = Result.SecurityToken,
            Issuer = Result.Issuer,
            TokenType = Result.TokenType,
        };
    }
}

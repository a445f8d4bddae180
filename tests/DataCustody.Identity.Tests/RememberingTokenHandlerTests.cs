using System.Security.Claims;
using DataCustody.Identity.Bearer;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DataCustody.Identity.Tests;

/// <summary>Which bearer tokens are validated again and which answers are remembered, on a clock the test moves.</summary>
public sealed class RememberingTokenHandlerTests
{
    private const string Issuer = "http://127.0.0.1:5080/";

    private static readonly SymmetricSecurityKey Key = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly CountingHandler _inner = new();
    private readonly TokenValidationParameters _parameters = new()
    {
        ValidIssuer = Issuer,
        ValidAudience = "datacustody-api",
        IssuerSigningKey = Key,
    };

    [Fact]
    public async Task A_valid_token_is_validated_once_and_then_answered_from_memory()
    {
        var handler = new RememberingTokenHandler(_inner, _clock);
        var token = Token(TimeSpan.FromHours(1));

        var first = await handler.ValidateTokenAsync(token, _parameters);
        var second = await handler.ValidateTokenAsync(token, _parameters);

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, _inner.Calls);
        Assert.Equal("provider-p", second.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.Equal(first.SecurityToken.ValidTo, second.SecurityToken.ValidTo);
    }

    [Fact]
    public async Task Each_answer_from_memory_has_an_identity_of_its_own()
    {
        var handler = new RememberingTokenHandler(_inner, _clock);
        var token = Token(TimeSpan.FromHours(1));
        await handler.ValidateTokenAsync(token, _parameters);

        var first = await handler.ValidateTokenAsync(token, _parameters);
        first.ClaimsIdentity.AddClaim(new Claim("role", "regulator"));
        var second = await handler.ValidateTokenAsync(token, _parameters);

        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Null(second.ClaimsIdentity.FindFirst("role"));
    }

    [Theory]
    // Trusted for the reuse period at most, even when the token lives longer.
    [InlineData(60, 5 * 60)]
    // A token that expires sooner is trusted until its expiry only.
    [InlineData(2, 2 * 60)]
    public async Task A_remembered_token_is_validated_again_once_trusted_for_its_time(int lifetimeMinutes, int trustedSeconds)
    {
        var handler = new RememberingTokenHandler(_inner, _clock);
        var token = Token(TimeSpan.FromMinutes(lifetimeMinutes));
        await handler.ValidateTokenAsync(token, _parameters);

        _clock.Advance(TimeSpan.FromSeconds(trustedSeconds - 1));
        await handler.ValidateTokenAsync(token, _parameters);
        Assert.Equal(1, _inner.Calls);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await handler.ValidateTokenAsync(token, _parameters);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task An_invalid_token_is_never_remembered()
    {
        var handler = new RememberingTokenHandler(_inner, _clock);
        var valid = Token(TimeSpan.FromHours(1));
        var forged = valid[..^4] + (valid[^4] == 'A' ? "B" : "A") + valid[^3..];

        var first = await handler.ValidateTokenAsync(forged, _parameters);
        var second = await handler.ValidateTokenAsync(forged, _parameters);

        Assert.False(first.IsValid);
        Assert.False(second.IsValid);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task A_token_already_expired_by_the_clock_is_not_remembered()
    {
        var handler = new RememberingTokenHandler(_inner, _clock);
        var token = Token(TimeSpan.FromMinutes(2));
        // The inner handler still accepts it: its own clock runs behind ours, as a clock skew allows.
        _clock.Advance(TimeSpan.FromMinutes(3));

        Assert.True((await handler.ValidateTokenAsync(token, _parameters)).IsValid);
        Assert.True((await handler.ValidateTokenAsync(token, _parameters)).IsValid);
        Assert.Equal(2, _inner.Calls);
    }

    private string Token(TimeSpan lifetime)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = "datacustody-api",
            Subject = new ClaimsIdentity([new Claim("sub", "provider-p")]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }

    private sealed class CountingHandler : TokenHandler
    {
        private readonly JsonWebTokenHandler _validator = new();

        public int Calls { get; private set; }

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Calls++;
            return _validator.ValidateTokenAsync(token, validationParameters);
        }
    }
}

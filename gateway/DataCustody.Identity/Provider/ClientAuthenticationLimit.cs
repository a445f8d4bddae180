using System.Net;
using System.Threading.RateLimiting;
using DataCustody.Identity.Configuration;
using Microsoft.Extensions.Options;

namespace DataCustody.Identity.Provider;

/// <summary>
/// Failed client authentications at the token endpoint, counted per client address (an IPv6 one by
/// its /64). Checking a secret costs a PBKDF2 hash, about a quarter of a second of CPU, so a caller
/// that keeps failing would otherwise keep the gateway busy and guess secrets without limit.
/// </summary>
/// <remarks>
/// OpenIddict checks the client inside the authentication middleware, before ASP.NET Core's rate
/// limiter middleware runs, so the limit is applied here, in the provider's own validation. Only
/// failures count: a provider's system fetching a token an hour never comes near it. The limit is
/// per address, not per client id, so that nobody can lock a real client out by failing in its name.
/// </remarks>
internal sealed class ClientAuthenticationLimit : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress?> _failures;

    public ClientAuthenticationLimit(IOptions<IdentitySettings> settings)
    {
        var limit = settings.Value.ClientAuthenticationFailureLimit;
        var window = settings.Value.ClientAuthenticationFailureWindow;
        _failures = PartitionedRateLimiter.Create<IPAddress?, string>(address => RateLimitPartition.GetFixedWindowLimiter(
            ClientAddressPartition.Of(address),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 }));
    }

    /// <summary>
    /// Whether <paramref name="address"/> may still try to authenticate; when it may not,
    /// <paramref name="retryAfter"/> says how long until it may, if known.
    /// </summary>
    public bool MayTry(IPAddress? address, out TimeSpan? retryAfter)
    {
        // Asking for no permit tells whether any are left without spending one: only a failure spends.
        using var lease = _failures.AttemptAcquire(address, permitCount: 0);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
        return lease.IsAcquired;
    }

    /// <summary>Counts a failed authentication from <paramref name="address"/>.</summary>
    public void RecordFailure(IPAddress? address) => _failures.AttemptAcquire(address).Dispose();

    /// <inheritdoc />
    public void Dispose() => _failures.Dispose();
}

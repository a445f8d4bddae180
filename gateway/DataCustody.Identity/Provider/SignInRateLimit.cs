using System.Threading.RateLimiting;
using DataCustody.Identity.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace DataCustody.Identity.Provider;

/// <summary>
/// Limits password attempts per client address (an IPv6 one by its /64), so guessing passwords is
/// slow. A refused attempt gets 429 with an RFC 9457 problem body and, when known, <c>Retry-After</c>.
/// </summary>
internal static class SignInRateLimit
{
    public const string Policy = "datacustody-sign-in";

    public static void Configure(RateLimiterOptions options, IdentitySettings settings)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
            ClientAddressPartition.Of(http.Connection.RemoteIpAddress),
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.SignInPermitLimit,
                Window = settings.SignInWindow,
                QueueLimit = 0,
            }));
        options.OnRejected = WriteProblemAsync;
    }

    private static async ValueTask WriteProblemAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            RetryAfter.Set(http.Response, retryAfter);
        }
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many sign-in attempts",
                Detail = "Wait a moment before trying to sign in again.",
            },
        });
    }
}

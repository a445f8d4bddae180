using System.Threading.RateLimiting;
using DataCustody.Identity.Provider;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace DataCustody.Gateway.Apis.Plumbing;

/// <summary>
/// The rate limit of statement ingestion: a token bucket per client (<c>azp</c>, <c>client_id</c>
/// or <c>sub</c> of the token), one token per batch; over the limit a 429 problem with Retry-After.
/// </summary>
public static class StatementRateLimit
{
    /// <summary>The policy name, for <c>RequireRateLimiting</c>.</summary>
    public const string Policy = "datacustody-statements";

    internal static void Configure(RateLimiterOptions options, ApiLimits limits)
    {
        var period = TimeSpan.FromSeconds(1);
        options.AddPolicy(Policy, http => RateLimitPartition.GetTokenBucketLimiter(
            CallerProvider.ClientOf(http.User) ?? "anonymous",
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.StatementBatchBurst,
                TokensPerPeriod = limits.StatementBatchesPerSecond,
                ReplenishmentPeriod = period,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

        // Other policies (sign-in) keep their own rejection; this one answers for statements.
        var previous = options.OnRejected;
        options.OnRejected = async (context, cancellationToken) =>
        {
            var http = context.HttpContext;
            var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
            if (policy != Policy && previous is not null)
            {
                await previous(context, cancellationToken);
                return;
            }
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : period;
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            RetryAfter.Set(http.Response, retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter);
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Type = ApiProblems.TypeOf(StatusCodes.Status429TooManyRequests),
                    Title = "Too many requests",
                    Detail = "This client sends statement batches faster than its rate limit; retry after the time in Retry-After.",
                    Extensions = { [ApiProblems.FieldMember] = ApiProblems.Body },
                },
            });
        };
    }
}

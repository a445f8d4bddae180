using DataCustody.Identity.Provider.Validation;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace DataCustody.Identity.Provider;

/// <summary>
/// Answers a token request that <see cref="ClientAuthenticationThrottle"/> refused with 429 and
/// <c>Retry-After</c> (RFC 6585), keeping OpenIddict's OAuth error body. OpenIddict would answer
/// invalid_client with 400 or 401, which tells a real client its secret is wrong and nothing about
/// when to try again; 429 is what HTTP clients' retry policies know to wait on.
/// </summary>
internal sealed class ThrottledTokenResponse : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    /// <summary>Runs after OpenIddict chose the status code, before it writes the response.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
        .UseSingletonHandler<ThrottledTokenResponse>()
        .SetOrder(OpenIddictServerAspNetCoreHandlers.AttachHttpResponseCode<ApplyTokenResponseContext>.Descriptor.Order + 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    /// <inheritdoc />
    public ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Transaction.Properties.TryGetValue(ClientAuthenticationThrottle.RetryAfterProperty, out var wait)
            && context.Transaction.GetHttpRequest()?.HttpContext.Response is { } response)
        {
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            if (wait is TimeSpan retryAfter)
            {
                RetryAfter.Set(response, retryAfter);
            }
        }
        return ValueTask.CompletedTask;
    }
}

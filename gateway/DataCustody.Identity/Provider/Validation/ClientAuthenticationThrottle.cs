using Microsoft.AspNetCore;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace DataCustody.Identity.Provider.Validation;

/// <summary>
/// Refuses a token request from a client address that has failed to authenticate too often, before
/// <see cref="TokenRequestValidation"/> spends a secret's hash on it.
/// </summary>
internal sealed class ClientAuthenticationThrottle(ClientAuthenticationLimit limit) : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    /// <summary>The transaction property holding how long a refused caller should wait, for <see cref="ThrottledTokenResponse"/>.</summary>
    public const string RetryAfterProperty = "datacustody:client_authentication_retry_after";

    /// <summary>Runs before the client's secret is checked.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
        .UseSingletonHandler<ClientAuthenticationThrottle>()
        .SetOrder(TokenRequestValidation.Descriptor.Order - 1_000)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    /// <inheritdoc />
    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Transaction.GetHttpRequest()?.HttpContext.Connection.RemoteIpAddress;
        if (!limit.MayTry(address, out var retryAfter))
        {
            context.Transaction.Properties[RetryAfterProperty] = retryAfter;
            // The client is not authenticated, so the OAuth error stays invalid_client (RFC 6749 §5.2);
            // ThrottledTokenResponse makes it a 429 that says when to come back.
            context.Reject(Errors.InvalidClient, "Too many failed client authentications from this address: try again later.");
        }
        return ValueTask.CompletedTask;
    }
}

using DataCustody.Identity.Configuration;
using Microsoft.AspNetCore;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace DataCustody.Identity.Provider.Validation;

/// <summary>
/// Authenticates the client at the token endpoint, which degraded mode leaves to the host: a
/// confidential client by its secret, a public client by having none, and each only for the grant
/// types it is registered for. Each failed authentication counts against the caller's
/// <see cref="ClientAuthenticationLimit"/>.
/// </summary>
internal sealed class TokenRequestValidation(ClientDirectory clients, ClientAuthenticationLimit limit) : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    /// <summary>Runs after OpenIddict's own checks of the request.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
        .UseSingletonHandler<TokenRequestValidation>()
        .SetOrder(0)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    /// <inheritdoc />
    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var client = clients.Find(request.ClientId);
        if (client is null || !ClientDirectory.Authenticates(client, request.ClientSecret))
        {
            limit.RecordFailure(context.Transaction.GetHttpRequest()?.HttpContext.Connection.RemoteIpAddress);
            // One answer for an unknown client and a wrong secret.
            context.Reject(Errors.InvalidClient, "The client could not be authenticated.");
        }
        else if (request.GrantType is null || !ClientDirectory.Allows(client, request.GrantType))
        {
            context.Reject(Errors.UnauthorizedClient, "The client may not use this grant type.");
        }
        else if (request.GrantType == GrantTypes.ClientCredentials && client.Type != ClientType.Confidential)
        {
            context.Reject(Errors.UnauthorizedClient, "Only confidential clients may use client credentials.");
        }
        return ValueTask.CompletedTask;
    }
}

using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace DataCustody.Identity.Provider.Validation;

/// <summary>
/// Degraded mode has no application store: this checks what OpenIddict would otherwise check
/// against it. The client must be known and allowed the code flow, the redirect URI one of its
/// own exactly, and PKCE must use S256.
/// </summary>
internal sealed class AuthorizationRequestValidation(ClientDirectory clients) : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    /// <inheritdoc />
    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = clients.Find(context.ClientId);
        if (client is null)
        {
            context.Reject(Errors.InvalidClient, "The client is not registered.");
        }
        else if (!ClientDirectory.HasRedirectUri(client, context.RedirectUri))
        {
            context.Reject(Errors.InvalidRequest, "The redirect_uri is not registered for this client.");
        }
        else if (!ClientDirectory.Allows(client, GrantTypes.AuthorizationCode))
        {
            context.Reject(Errors.UnauthorizedClient, "The client may not use the authorization code flow.");
        }
        else if (!string.Equals(context.Request.CodeChallengeMethod, CodeChallengeMethods.Sha256, StringComparison.Ordinal))
        {
            // A missing method means "plain" (RFC 7636 §4.3), which protects nothing if the code leaks.
            context.Reject(Errors.InvalidRequest, "code_challenge_method must be S256.");
        }
        else if (context.Request.HasScope(Scopes.OfflineAccess) && !ClientDirectory.Allows(client, GrantTypes.RefreshToken))
        {
            context.Reject(Errors.InvalidScope, "The client may not ask for refresh tokens.");
        }
        return ValueTask.CompletedTask;
    }
}

using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace DataCustody.Identity.Provider.Validation;

/// <summary>
/// Lets a sign-out send the browser on only to an exactly registered post-logout URI: of the
/// named client, or of any client when the request names none.
/// </summary>
internal sealed class EndSessionRequestValidation(ClientDirectory clients) : IOpenIddictServerHandler<ValidateEndSessionRequestContext>
{
    /// <inheritdoc />
    public ValueTask HandleAsync(ValidateEndSessionRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var uri = context.PostLogoutRedirectUri;
        if (string.IsNullOrEmpty(uri))
        {
            return ValueTask.CompletedTask;
        }
        if (context.ClientId is { } clientId)
        {
            var client = clients.Find(clientId);
            if (client is null || !client.PostLogoutRedirectUris.Contains(uri, StringComparer.Ordinal))
            {
                context.Reject(Errors.InvalidRequest, "The post_logout_redirect_uri is not registered for this client.");
            }
        }
        else if (!clients.IsAnyPostLogoutRedirectUri(uri))
        {
            context.Reject(Errors.InvalidRequest, "The post_logout_redirect_uri is not registered.");
        }
        return ValueTask.CompletedTask;
    }
}

using DataCustody.Identity.Configuration;

namespace DataCustody.Identity.Provider;

/// <summary>
/// The gateway's own pages are a client of the embedded provider at the provider's own address.
/// Registered without redirect URIs, that client gets the pages' callbacks on the issuer, so the
/// demo configuration works on whatever address the gateway listens.
/// </summary>
internal static class PagesClient
{
    public const string CallbackPath = "signin-oidc";
    public const string SignedOutCallbackPath = "signout-callback-oidc";

    public static void DefaultRedirectUris(IdentitySettings settings, Uri issuer)
    {
        var client = settings.Clients.Find(c => c.ClientId == settings.WebClientId);
        if (client is null)
        {
            return;
        }
        if (client.RedirectUris.Count == 0)
        {
            client.RedirectUris.Add(new Uri(issuer, CallbackPath).AbsoluteUri);
        }
        if (client.PostLogoutRedirectUris.Count == 0)
        {
            client.PostLogoutRedirectUris.Add(new Uri(issuer, SignedOutCallbackPath).AbsoluteUri);
        }
    }
}

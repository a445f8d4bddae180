namespace DataCustody.Identity;

/// <summary>Where the gateway's pages send a browser to sign in, to sign out, and when its role may not see a page.</summary>
public static class PagePaths
{
    /// <summary>Starts OpenID Connect sign-in; <c>returnUrl</c> names the local page to come back to.</summary>
    public const string SignIn = "/account/signin";

    /// <summary>Ends the pages' session and the provider's; a form post with an antiforgery token.</summary>
    public const string SignOut = "/account/signout";

    /// <summary>The page a signed-in browser sees instead of one its role may not open.</summary>
    public const string AccessDenied = "/account/denied";
}

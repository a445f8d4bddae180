using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace DataCustody.Identity.Provider;

/// <summary>
/// The provider's sign-in form, with an antiforgery token, and one generic message for every
/// failed attempt.
/// </summary>
internal static class SignInPage
{
    /// <summary>What a failed attempt says, whether the username exists or not.</summary>
    public const string FailureMessage = "The username or password is not correct.";

    public static IResult Show(HttpContext http, IAntiforgery antiforgery, string? returnUrl)
    {
        if (!IsAuthorizationRequest(returnUrl))
        {
            return NotAnAuthorizationRequest();
        }
        return Form(http, antiforgery, returnUrl!, username: string.Empty, error: null, StatusCodes.Status200OK);
    }

    public static async Task<IResult> SubmitAsync(HttpContext http, IAntiforgery antiforgery, AccountDirectory accounts, TimeProvider time)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Problem(
                title: "The sign-in form expired",
                detail: "Reload the sign-in page and try again.",
                statusCode: StatusCodes.Status400BadRequest);
        }
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var returnUrl = form["returnUrl"].ToString();
        if (!IsAuthorizationRequest(returnUrl))
        {
            return NotAnAuthorizationRequest();
        }
        var username = form["username"].ToString();
        var account = accounts.Authenticate(username, form["password"].ToString());
        if (account is null)
        {
            return Form(http, antiforgery, returnUrl, username, FailureMessage, StatusCodes.Status400BadRequest);
        }
        var session = new ClaimsIdentity(IdentitySchemes.ProviderSession, IdentityClaims.Name, IdentityClaims.Role);
        session.AddClaim(new Claim(IdentityClaims.Subject, account.PersonId));
        session.AddClaim(new Claim(IdentityClaims.Name, account.DisplayName));
        // The cookie's own issue time moves when it slides; prompt=login and max_age need this sign-in's.
        session.AddClaim(SignInTime.Claim(time.GetUtcNow()));
        await http.SignInAsync(IdentitySchemes.ProviderSession, new ClaimsPrincipal(session));
        return Results.Redirect(returnUrl);
    }

    // Only the provider's own authorization endpoint: anything else would make the form an open redirect.
    private static bool IsAuthorizationRequest(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith(ProviderPaths.Authorize + "?", StringComparison.Ordinal);

    private static IResult NotAnAuthorizationRequest() => Results.Problem(
        title: "Invalid request",
        detail: "Sign-in starts from an application: it sends you here with an authorization request.",
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["returnUrl"] = ["returnUrl must be an authorization request of this provider."] } });

    private static IResult Form(HttpContext http, IAntiforgery antiforgery, string returnUrl, string username, string? error, int statusCode)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var e = HtmlEncoder.Default;
        var alert = error is null ? string.Empty : $"""<p id="error" role="alert">{e.Encode(error)}</p>""";
        var describedBy = error is null ? string.Empty : """ aria-describedby="error" """;
        var body = $"""
            {alert}
            <form method="post" action="{e.Encode(http.Request.PathBase + ProviderPaths.SignIn)}">
            <input type="hidden" name="{e.Encode(tokens.FormFieldName)}" value="{e.Encode(tokens.RequestToken ?? string.Empty)}">
            <input type="hidden" name="returnUrl" value="{e.Encode(returnUrl)}">
            <label for="username">Username</label>
            <input id="username" name="username" type="text" autocomplete="username" required value="{e.Encode(username)}"{describedBy}>
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required{describedBy}>
            <button type="submit">Sign in</button>
            </form>
            """;
        return ProviderPage.Render("Sign in to DataCustody", body, statusCode);
    }
}

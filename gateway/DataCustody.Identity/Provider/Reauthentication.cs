using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DataCustody.Identity.Provider;

/// <summary>
/// When a signed-in person must sign in again (OpenID Connect Core §3.1.2.1): the client asked with
/// <c>prompt=login</c>, or the last sign-in is older than its <c>max_age</c>.
/// </summary>
internal static class Reauthentication
{
    /// <summary>Whether the sign-in at <paramref name="signedInAt"/> does not satisfy <paramref name="request"/> at <paramref name="now"/>.</summary>
    public static bool IsRequired(OpenIddictRequest request, DateTimeOffset? signedInAt, DateTimeOffset now) =>
        request.HasPromptValue(PromptValues.Login)
        || (request.MaxAge is { } maxAge && (signedInAt is null || now - signedInAt.Value > TimeSpan.FromSeconds(maxAge)));

    /// <summary>
    /// The authorization request to come back to after signing in, without <c>prompt=login</c> and
    /// <c>max_age</c>: the sign-in just made satisfies both, and asking again would send the person
    /// back to the form for ever.
    /// </summary>
    public static string ReturnUrl(HttpRequest request)
    {
        var parameters = new List<KeyValuePair<string, StringValues>>();
        foreach (var (name, value) in request.Query)
        {
            if (name == Parameters.Prompt)
            {
                var others = value.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => p != PromptValues.Login);
                if (others.Any())
                {
                    parameters.Add(new(name, string.Join(' ', others)));
                }
            }
            else if (name != Parameters.MaxAge)
            {
                parameters.Add(new(name, value));
            }
        }
        return request.PathBase + request.Path + QueryString.Create(parameters);
    }
}

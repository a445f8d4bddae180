using DataCustody.Identity.Configuration;
using Microsoft.Extensions.Options;

namespace DataCustody.Identity.Provider;

/// <summary>
/// The applications configured in <c>Identity:Clients</c>. In degraded mode OpenIddict keeps no
/// application store, so every client check of the provider goes through here.
/// </summary>
internal sealed class ClientDirectory(IOptions<IdentitySettings> settings)
{
    private readonly Dictionary<string, ClientSettings> _clients = settings.Value.Clients.ToDictionary(c => c.ClientId, StringComparer.Ordinal);

    /// <summary>The client with this id, or null.</summary>
    public ClientSettings? Find(string? clientId) =>
        clientId is not null && _clients.TryGetValue(clientId, out var client) ? client : null;

    /// <summary>Whether <paramref name="uri"/> is a post-logout redirect URI of any client, for sign-out requests that name none.</summary>
    public bool IsAnyPostLogoutRedirectUri(string uri) =>
        _clients.Values.Any(c => c.PostLogoutRedirectUris.Contains(uri, StringComparer.Ordinal));

    /// <summary>
    /// Whether <paramref name="client"/> authenticated properly: a confidential client with its
    /// secret, a public client with no secret at all.
    /// </summary>
    public static bool Authenticates(ClientSettings client, string? secret) => client.Type switch
    {
        ClientType.Confidential => !string.IsNullOrEmpty(secret) && client.SecretHash is not null && SecretHasher.Verify(client.SecretHash, secret),
        _ => string.IsNullOrEmpty(secret),
    };

    /// <summary>Whether <paramref name="client"/> may use <paramref name="grantType"/>.</summary>
    public static bool Allows(ClientSettings client, string grantType) => client.GrantTypes.Contains(grantType, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="uri"/> is one of the client's redirect URIs, character for character.</summary>
    public static bool HasRedirectUri(ClientSettings client, string? uri) =>
        uri is not null && client.RedirectUris.Contains(uri, StringComparer.Ordinal);
}

namespace DataCustody.Identity.Configuration;

/// <summary>An application registered with the embedded provider (<c>Identity:Clients</c>).</summary>
public sealed class ClientSettings
{
    /// <summary>The client id.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>A salted PBKDF2 hash of the client secret; confidential clients only.</summary>
    public string? SecretHash { get; set; }

    /// <summary>Whether the client can keep a secret.</summary>
    public ClientType Type { get; set; } = ClientType.Public;

    /// <summary>Where authorization responses may be sent, compared exactly.</summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>Where the provider may send the browser after sign-out, compared exactly.</summary>
    public List<string> PostLogoutRedirectUris { get; set; } = [];

    /// <summary>The grant types the client may use: <c>authorization_code</c>, <c>refresh_token</c>, <c>client_credentials</c>.</summary>
    public List<string> GrantTypes { get; set; } = [];

    /// <summary>The role a client-credentials token carries, e.g. <c>provider</c>.</summary>
    public string? Role { get; set; }

    /// <summary>The provider a client-credentials token speaks for, issued as <c>provider_id</c>.</summary>
    public string? ProviderId { get; set; }
}

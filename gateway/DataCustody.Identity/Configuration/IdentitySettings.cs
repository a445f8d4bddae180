namespace DataCustody.Identity.Configuration;

/// <summary>
/// Configuration section <c>Identity</c>: either an external OpenID Connect authority, or the
/// embedded provider with its accounts and clients.
/// </summary>
public sealed class IdentitySettings
{
    /// <summary>The configuration section these settings are read from.</summary>
    public const string Section = "Identity";

    /// <summary>
    /// An external OpenID Connect authority (its issuer URL). When set, the embedded provider is
    /// off and tokens are validated against this authority.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>
    /// The embedded provider's issuer URL. Default: the first address of <c>Urls</c>, which must
    /// then name a host rather than a wildcard.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>The audience (resource) of API access tokens.</summary>
    public string Audience { get; set; } = "datacustody-api";

    /// <summary>The client the gateway's own pages sign in as.</summary>
    public string WebClientId { get; set; } = "custody-web";

    /// <summary>The secret of <see cref="WebClientId"/>, for external authorities that register it as confidential.</summary>
    public string? WebClientSecret { get; set; }

    /// <summary>People who may sign in to the embedded provider.</summary>
    public List<AccountSettings> Accounts { get; set; } = [];

    /// <summary>Applications registered with the embedded provider.</summary>
    public List<ClientSettings> Clients { get; set; } = [];

    /// <summary>How many sign-in attempts one client address may make per window.</summary>
    public int SignInPermitLimit { get; set; } = 10;

    /// <summary>The window of <see cref="SignInPermitLimit"/>.</summary>
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many failed client authentications at the token endpoint one client address may make per
    /// window before it is refused without its secret being checked. Successful ones do not count.
    /// </summary>
    public int ClientAuthenticationFailureLimit { get; set; } = 10;

    /// <summary>The window of <see cref="ClientAuthenticationFailureLimit"/>.</summary>
    public TimeSpan ClientAuthenticationFailureWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a person stays signed in to the pages without using them; a visit in the second half
    /// starts it again. As long as the provider's own session, so that neither outlives the other by days.
    /// </summary>
    public TimeSpan PagesSessionLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long the embedded provider uses one signing key and one encryption key before the next take over.</summary>
    public TimeSpan KeyRotation { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// How long a new key is stored before it is used: the provider's other nodes read it first, and so do
    /// relying parties that cache the published signing keys, so none of them meets a token it cannot read.
    /// </summary>
    public TimeSpan KeyAnnouncement { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How often each node reads the keys again and stores the next ones when they are due. Shorter than
    /// <see cref="KeyAnnouncement"/>, so that every node has read a key before any node uses it.
    /// </summary>
    public TimeSpan KeyCheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether the embedded provider is on: no external authority is configured.</summary>
    public bool IsEmbedded => string.IsNullOrWhiteSpace(Authority);
}

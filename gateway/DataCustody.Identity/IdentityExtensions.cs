using DataCustody.Identity.Bearer;
using DataCustody.Identity.Configuration;
using DataCustody.Identity.Provider;
using DataCustody.Identity.Provider.Validation;
using DataCustody.Identity.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace DataCustody.Identity;

/// <summary>Adds sign-in to a host: the embedded OpenID Connect provider or an external authority, and the API's policies.</summary>
public static class IdentityExtensions
{
    /// <summary>
    /// Registers, from section <c>Identity</c>: the embedded provider (unless <c>Identity:Authority</c>
    /// names an external one), a cookie with OpenID Connect sign-in for pages, JWT bearer validation
    /// for the API, the <see cref="IdentityPolicies"/>, and the sign-in rate limit. The embedded
    /// provider keeps its keys and spent codes in the <c>DataCustody.Storage.Database</c> registered
    /// in the container.
    /// </summary>
    public static WebApplicationBuilder AddDataCustodyIdentity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(IdentitySettings.Section);
        RenamedSettings.Refuse(section);
        var settings = section.Get<IdentitySettings>() ?? new IdentitySettings();
        var services = builder.Services;
        services.Configure<IdentitySettings>(section);
        services.AddProblemDetails();
        services.AddAntiforgery();
        services.AddRateLimiter(options => SignInRateLimit.Configure(options, settings));
        IdentityPolicies.Add(services.AddAuthorizationBuilder());

        var authority = settings.IsEmbedded ? IssuerOf(settings, builder.Configuration) : new Uri(settings.Authority!);
        if (settings.IsEmbedded)
        {
            AddEmbeddedProvider(services, authority);
            services.PostConfigure<IdentitySettings>(s => PagesClient.DefaultRedirectUris(s, authority));
        }

        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = IdentitySchemes.Pages;
            options.DefaultChallengeScheme = IdentitySchemes.PagesChallenge;
        });
        authentication.AddCookie(IdentitySchemes.Pages, options =>
        {
            options.LoginPath = PagePaths.SignIn;
            options.ReturnUrlParameter = "returnUrl";
            options.AccessDeniedPath = PagePaths.AccessDenied;
            // The pages show where a person's data went: a browser left signed in must not show it for the framework's default of 14 days.
            options.ExpireTimeSpan = settings.PagesSessionLifetime;
            options.SlidingExpiration = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        authentication.AddOpenIdConnect(IdentitySchemes.PagesChallenge, options =>
        {
            options.Authority = authority.AbsoluteUri;
            options.RequireHttpsMetadata = !authority.IsLoopback;
            options.ClientId = settings.WebClientId;
            options.ClientSecret = settings.WebClientSecret;
            options.ResponseType = "code";
            // A redirect (GET) carries SameSite=Lax cookies across sites; a form post would not.
            options.ResponseMode = "query";
            options.UsePkce = true;
            options.SignInScheme = IdentitySchemes.Pages;
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = IdentityClaims.Name;
            options.TokenValidationParameters.RoleClaimType = IdentityClaims.Role;
            // The gateway is reached over plain http on loopback by default: Strict or Secure
            // cookies would not come back on the redirect from the provider.
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Kept in the pages' cookie for signing out: sent as id_token_hint, it tells the provider that
            // this sign-out is the person's own, so the provider ends its session without asking again.
            options.Events.OnTokenValidated = context =>
            {
                if (context.TokenEndpointResponse?.IdToken is { } idToken)
                {
                    context.Properties!.StoreTokens([new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
                }
                return Task.CompletedTask;
            };
        });
        authentication.AddJwtBearer(IdentitySchemes.Bearer, options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = IdentityClaims.Name;
            options.TokenValidationParameters.RoleClaimType = IdentityClaims.Role;
            options.TokenValidationParameters.ValidAudience = settings.Audience;
            if (!settings.IsEmbedded)
            {
                options.Authority = authority.AbsoluteUri;
                options.RequireHttpsMetadata = !authority.IsLoopback;
            }
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<JwtBearerOptions>(IdentitySchemes.Bearer).PostConfigure<TimeProvider>((options, time) =>
        {
            for (var i = 0; i < options.TokenHandlers.Count; i++)
            {
                options.TokenHandlers[i] = new RememberingTokenHandler(options.TokenHandlers[i], time);
            }
        });
        if (settings.IsEmbedded)
        {
            // The embedded provider's keys are at hand: no need to fetch its metadata over HTTP.
            services.AddOptions<JwtBearerOptions>(IdentitySchemes.Bearer).Configure<IdentityKeyring>((options, keyring) =>
            {
                options.TokenValidationParameters.ValidIssuer = authority.AbsoluteUri;
                options.TokenValidationParameters.ValidTypes = ["at+jwt"];
                options.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, _, _) => keyring.VerificationKeys;
            });
        }
        return builder;
    }

    /// <summary>
    /// Maps the pages' sign-in and sign-out, and when embedded the provider's sign-in form and its
    /// passthrough endpoints. Call after <c>UseAuthentication</c>, <c>UseAuthorization</c> and
    /// <c>UseRateLimiter</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapDataCustodyIdentity(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(PagePaths.SignIn, PagesEndpoints.Challenge).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(PagePaths.SignOut, PagesEndpoints.SignOut).AddEndpointFilter<PageFormCheck>().AllowAnonymous().ExcludeFromDescription();

        var settings = app.ServiceProvider.GetRequiredService<IOptions<IdentitySettings>>().Value;
        if (settings.IsEmbedded)
        {
            var provider = app.MapGroup(string.Empty).AllowAnonymous().ExcludeFromDescription();
            provider.MapGet(ProviderPaths.Authorize, AuthorizeEndpoint.HandleAsync);
            provider.MapPost(ProviderPaths.Token, TokenEndpoint.HandleAsync);
            provider.MapMethods(ProviderPaths.EndSession, [HttpMethods.Get, HttpMethods.Post], EndSessionEndpoint.HandleAsync);
            provider.MapGet(ProviderPaths.SignIn, SignInPage.Show);
            provider.MapPost(ProviderPaths.SignIn, SignInPage.SubmitAsync).RequireRateLimiting(SignInRateLimit.Policy);
        }
        return app;
    }

    private static void AddEmbeddedProvider(IServiceCollection services, Uri issuer)
    {
        services.AddSingleton<AccountDirectory>();
        services.AddSingleton<ClientDirectory>();
        services.AddSingleton<ClientAuthenticationLimit>();
        services.AddSingleton<RedeemedTokens>();
        services.AddSingleton<IdentityKeyring>();
        services.AddHostedService(sp => sp.GetRequiredService<IdentityKeyring>());
        services.AddSingleton<ProviderKeysConfiguration>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>>(sp => sp.GetRequiredService<ProviderKeysConfiguration>());
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>>(sp => sp.GetRequiredService<ProviderKeysConfiguration>());
        services.AddOptions<IdentitySettings>()
            .Validate(
                s => s.KeyCheckInterval > TimeSpan.Zero && s.KeyAnnouncement > s.KeyCheckInterval && s.KeyRotation > s.KeyAnnouncement,
                "Identity:KeyRotation must be longer than Identity:KeyAnnouncement, and that longer than Identity:KeyCheckInterval (above zero): "
                + "a key is stored before it is used, and every node reads it within one check.")
            .ValidateOnStart();

        services.AddAuthentication().AddCookie(IdentitySchemes.ProviderSession, options =>
        {
            options.Cookie.Name = "datacustody.provider";
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(1);
        });

        services.AddOpenIddict().AddServer(options =>
        {
            // No Entity Framework: clients come from configuration, checked by the handlers below.
            options.EnableDegradedMode();
            options.SetIssuer(issuer);
            TokenLifetimes.Apply(options);
            options.SetAuthorizationEndpointUris(ProviderPaths.Authorize.TrimStart('/'))
                .SetTokenEndpointUris(ProviderPaths.Token.TrimStart('/'))
                .SetEndSessionEndpointUris(ProviderPaths.EndSession.TrimStart('/'));
            options.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().AllowClientCredentialsFlow();
            options.RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess);
            options.DisableAccessTokenEncryption();
            // Advertise and accept S256 only: "plain" gives no protection when the code leaks.
            options.Configure(o => o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
            // Clients prove themselves with a secret or with none (public); signed assertions are not checked here.
            options.Configure(o => o.ClientAuthenticationMethods.Remove(ClientAuthenticationMethods.PrivateKeyJwt));

            options.AddEventHandler(OtherRequestsSkip.Descriptor);
            options.AddEventHandler<ValidateAuthorizationRequestContext>(h => h.UseSingletonHandler<AuthorizationRequestValidation>());
            options.AddEventHandler(ClientAuthenticationThrottle.Descriptor);
            options.AddEventHandler(TokenRequestValidation.Descriptor);
            options.AddEventHandler(ThrottledTokenResponse.Descriptor);
            options.AddEventHandler<ValidateEndSessionRequestContext>(h => h.UseSingletonHandler<EndSessionRequestValidation>());

            options.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableTokenEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough()
                // OpenIddict refuses plain http, which is the single-machine default on loopback;
                // deployments reached from other machines put TLS in front.
                .DisableTransportSecurityRequirement();
        });
    }

    private static Uri IssuerOf(IdentitySettings settings, IConfiguration configuration)
    {
        var text = settings.Issuer
            ?? configuration["Urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (text is null || !Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            throw new InvalidOperationException(
                $"The embedded identity provider needs its public address: set Identity:Issuer (e.g. http://127.0.0.1:5080/); Urls '{configuration["Urls"]}' does not name one.");
        }
        // One spelling everywhere: tokens carry it as "iss" and validation compares it exactly.
        return new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
    }
}

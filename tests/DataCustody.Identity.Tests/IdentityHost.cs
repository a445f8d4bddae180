using System.Globalization;
using System.Security.Claims;
using DataCustody.Identity;
using DataCustody.Storage;
using DataCustody.Storage.Dialects;
using DataCustody.Testing;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataCustody.Identity.Tests;

/// <summary>
/// The identity library hosted the way the gateway hosts it, on Kestrel on a free loopback port,
/// with the gateway's demo accounts, SQLite in a data folder, and two protected probe endpoints.
/// </summary>
public sealed class IdentityHost : IAsyncDisposable
{
    /// <summary>Answers providers only, with the caller's claims.</summary>
    public const string ProviderProbe = "probe/provider";

    /// <summary>Answers regulators only.</summary>
    public const string RegulatorProbe = "probe/regulator";

    /// <summary>A page for signed-in people, answering with their name and roles.</summary>
    public const string PageProbe = "probe/page";

    /// <summary>A page for signed-in people with the sign-out button a page of the gateway would have.</summary>
    public const string SignOutFormProbe = "probe/signout-form";

    private readonly WebApplication _app;

    private IdentityHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The provider's address, which is also its issuer.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts a host on <paramref name="dataFolder"/>; <paramref name="port"/> 0 picks a free one,
    /// <paramref name="settings"/> adds or overrides configuration, <paramref name="services"/> registers services before the identity's own.
    /// </summary>
    public static async Task<IdentityHost> StartAsync(
        string dataFolder, int port = 0, int signInPermitLimit = 1000, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        if (port != 0)
        {
            return await StartOnAsync(dataFolder, port, signInPermitLimit, settings, services);
        }
        return await FreePort.RetryWhileTakenAsync(() => StartOnAsync(dataFolder, FreePort.Next(), signInPermitLimit, settings, services));
    }

    private static async Task<IdentityHost> StartOnAsync(
        string dataFolder, int port, int signInPermitLimit, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Testing" });
        builder.Configuration.AddJsonFile("identity.demo.json", optional: false);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = baseAddress.ToString(),
            ["Identity:SignInPermitLimit"] = signInPermitLimit.ToString(CultureInfo.InvariantCulture),
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new Database(new SqliteDialect(), $"Data Source={Path.Combine(dataFolder, "identity.db")};Pooling=False"));
        services?.Invoke(builder.Services);
        builder.AddDataCustodyIdentity();

        var app = builder.Build();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapDataCustodyIdentity();
        app.MapGet(ProviderProbe, (ClaimsPrincipal user) => user.Claims.Select(c => new { c.Type, c.Value })).RequireAuthorization(IdentityPolicies.Provider);
        app.MapGet(RegulatorProbe, () => "regulator").RequireAuthorization(IdentityPolicies.Regulator);
        // The default policy: the pages' cookie, with OpenID Connect sign-in when it is missing.
        app.MapGet(PageProbe, (ClaimsPrincipal user) => $"{user.Identity!.Name} ({string.Join(", ", user.FindAll(IdentityClaims.Role).Select(c => c.Value))})").RequireAuthorization();
        app.MapGet(SignOutFormProbe, (HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            return Results.Content(
                $"""<form method="post" action="/account/signout"><input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}"><button>Sign out</button></form>""",
                "text/html");
        }).RequireAuthorization();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new IdentityHost(app, baseAddress);
    }

    /// <summary>Stops the host; the data folder stays for a restart.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace DataCustody.Gateway;

/// <summary>
/// The reverse proxies in front of the gateway (<c>Gateway:TrustedProxies</c>, a list of addresses and CIDR
/// networks), whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> name the client's address and scheme.
/// </summary>
/// <remarks>
/// Behind a proxy every connection comes from the proxy, so the per-address limits of sign-in and of client
/// authentication would be one limit shared by everyone, and one client failing could lock all out. None is
/// trusted unless configured: the framework's default trusts loopback, from where any process on the machine
/// could then name whatever address it likes and never meet a limit.
/// </remarks>
public static class TrustedProxies
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Gateway:TrustedProxies";

    /// <summary>Configures the forwarded headers middleware from <see cref="Section"/>; an entry that is not an address or network stops the start.</summary>
    public static void Add(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var entries = builder.Configuration.GetSection(Section).Get<string[]>() ?? [];
        var proxies = new List<IPAddress>();
        var networks = new List<IPNetwork>();
        for (var i = 0; i < entries.Length; i++)
        {
            if (IPAddress.TryParse(entries[i], out var address))
            {
                proxies.Add(address);
            }
            else if (IPNetwork.TryParse(entries[i], out var network))
            {
                networks.Add(network);
            }
            else
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"{Section}:{i} is '{entries[i]}': expected an IP address (10.0.0.5) or a network with no host bits set (10.0.0.0/8)."));
            }
        }

        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // The scheme matters to the pages' sign-in: behind a proxy that ends TLS, the callback the pages send to
            // the provider must be the https one registered from the issuer, and their cookies must be Secure.
            // X-Forwarded-Host is left out: the proxy passes the Host header on, and a host taken from a header
            // would need a list of allowed hosts to be safe. With no proxy listed none is read at all: the
            // middleware takes empty lists to mean that anyone may send them.
            options.ForwardedHeaders = proxies.Count + networks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // In place of the framework's loopback.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
            // Through a chain of trusted proxies to the first address that is not one: each step is taken only from
            // a proxy already trusted, so a client's own X-Forwarded-For entries are never believed.
            options.ForwardLimit = null;
        });
    }
}

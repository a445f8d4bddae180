using System.Globalization;
using DataCustody.Silo;
using DataCustody.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataCustody.Benchmarks.Ledger;

/// <summary>A real DataCustody silo in this process, configured as the broker configures it, on free ports.</summary>
internal static class InProcessSilo
{
    /// <summary>
    /// Builds the silo's host from <paramref name="settings"/> (the broker's configuration keys) and
    /// starts it, on other ports while one it chose was taken before the silo bound it.
    /// <paramref name="services"/> may register services the silo takes instead of its defaults,
    /// such as a <c>BrokerClock</c>.
    /// </summary>
    public static Task<IHost> StartAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken, Action<IServiceCollection>? services = null) =>
        FreePort.StartWhileTakenAsync(() => Build(settings, services), cancellationToken);

    private static IHost Build(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        // No defaults: neither appsettings.json of the working folder nor environment variables
        // may change what is measured.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Clustering:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Clustering:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        });
        // Warnings and errors only: the tool's own lines are its output.
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        services?.Invoke(builder.Services);
        builder.UseOrleans(silo => silo.AddDataCustody(builder.Configuration));
        return builder.Build();
    }
}

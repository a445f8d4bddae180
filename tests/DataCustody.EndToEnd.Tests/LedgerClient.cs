using DataCustody.Grains.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataCustody.EndToEnd.Tests;

/// <summary>An Orleans client of a running gateway's or cluster's silos, to drive the ledger directly.</summary>
public sealed class LedgerClient : IAsyncDisposable
{
    private readonly IHost _host;

    private LedgerClient(IHost host) => _host = host;

    public ILedgerGrain Ledger => _host.Services.GetRequiredService<IClusterClient>().GetGrain<ILedgerGrain>(LedgerKey.Id);

    public ILogReaderGrain Reader => _host.Services.GetRequiredService<IClusterClient>().GetGrain<ILogReaderGrain>(0);

    public static async Task<LedgerClient> ConnectAsync(Action<IClientBuilder> clustering)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
        {
            clustering(client);
            // A call to a killed process fails after this long instead of Orleans' 30 s default,
            // so writers notice the kill and retry promptly.
            client.Configure<Orleans.Configuration.ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(5));
        });
        var host = builder.Build();
        await host.StartAsync();
        return new LedgerClient(host);
    }

    public static Task<LedgerClient> ConnectAsync(int gatewayPort) =>
        ConnectAsync(client => client.UseLocalhostClustering(gatewayPort, "datacustody", "datacustody"));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(5));
        }
        finally
        {
            _host.Dispose();
        }
    }
}

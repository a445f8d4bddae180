using DataCustody.Grains.Ledger;
using DataCustody.Silo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DataCustody.Gateway;

/// <summary>Prints where the gateway listens and which key verifies its log.</summary>
internal static class StartupAnnouncement
{
    public static async Task PrintAsync(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            Console.WriteLine($"DataCustody gateway listening on {address}");
        }
        if (app.Services.GetService<LogKeyLoader.LoadedKey>() is { } embedded)
        {
            LogKeyAnnouncement.Print(embedded, Console.Out);
        }
        else
        {
            var key = await app.Services.GetRequiredService<IGrainFactory>().GetGrain<ILedgerGrain>(LedgerKey.Id).GetVerifierKey();
            Console.WriteLine($"Log verifier key: {key}");
        }
    }
}

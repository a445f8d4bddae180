using DataCustody.Testing;

namespace DataCustody.EndToEnd.Tests;

/// <summary>One gateway process and a ledger client shared by the tests of a class.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public GatewayProcess Gateway { get; private set; } = null!;

    public LedgerClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Gateway = await GatewayProcess.StartAsync();
        Client = await LedgerClient.ConnectAsync(Gateway.OrleansGatewayPort);
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await Gateway.DisposeAsync();
    }
}

using DataCustody.Testing;

namespace DataCustody.Gateway.Tests;

/// <summary>A test class with a gateway of its own, started with <paramref name="settings"/>; the shared one keeps the defaults.</summary>
public abstract class OwnGateway(IReadOnlyDictionary<string, string> settings) : IAsyncLifetime
{
    /// <summary>The gateway, running from <see cref="InitializeAsync"/> to <see cref="DisposeAsync"/>.</summary>
    protected GatewayProcess Gateway { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => Gateway = await GatewayProcess.StartAsync(settings);

    /// <inheritdoc />
    public async Task DisposeAsync() => await Gateway.DisposeAsync();
}

using DataCustody.Testing;

namespace DataCustody.Browser.Tests;

/// <summary>
/// One gateway process (single-machine default, fresh data folder) shared by every browser test;
/// its embedded OpenID Connect provider knows the demo people (<see cref="DemoTokens.Passwords"/>).
/// </summary>
/// <remarks>The gateway's state is shared by the whole collection: tests must not depend on what other tests did.</remarks>
public sealed class GatewayFixture : IAsyncLifetime
{
    private GatewayProcess? _gateway;

    /// <summary>The running gateway.</summary>
    public GatewayProcess Gateway => _gateway ?? throw new InvalidOperationException("The gateway has not been started.");

    /// <summary>The gateway's address, ending in a slash.</summary>
    public Uri BaseAddress => Gateway.BaseAddress;

    /// <inheritdoc />
    public async Task InitializeAsync() => _gateway = await GatewayProcess.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }
}

using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;
using DataCustody.Sdk.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace DataCustody.Sdk.Tests;

/// <summary>A service provider with the SDK registered against a gateway, with fast retries and polls.</summary>
internal sealed class SdkHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SdkHost(ServiceProvider services, ProviderKey key)
    {
        _services = services;
        Key = key;
    }

    public ProviderKey Key { get; }

    public IServiceProvider Services => _services;

    public DataCustodyProviderClient Provider => _services.GetRequiredService<DataCustodyProviderClient>();

    public static SdkHost Create(FakeGateway gateway, Action<DataCustodyOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var key = ProviderKey.Generate("shop-key-1");
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        AddDataCustody(collection, gateway, key, configure);
        return new SdkHost(collection.BuildServiceProvider(), key);
    }

    /// <summary>Registers the SDK as the shop with <paramref name="key"/>, against <paramref name="gateway"/>.</summary>
    public static void AddDataCustody(IServiceCollection services, FakeGateway gateway, ProviderKey key, Action<DataCustodyOptions>? configure = null) =>
        services.AddDataCustody(o =>
        {
            o.BaseAddress = gateway.Url;
            o.ClientId = "shop";
            o.ClientSecret = "shop-demo-secret";
            o.ProviderId = "shop";
            o.SigningKey = key;
            o.VerifierKey = gateway.LogKey.Verifier.ToString();
            o.RetryDelay = TimeSpan.FromMilliseconds(10);
            o.InclusionPollDelay = TimeSpan.FromMilliseconds(5);
            o.InclusionPollMaxDelay = TimeSpan.FromMilliseconds(50);
            configure?.Invoke(o);
        });

    /// <summary>
    /// Opens the circuit of the resilience pipeline of the SDK's client <paramref name="clientName"/> after two
    /// failed attempts, for <paramref name="breakDuration"/>: by default it takes a hundred requests.
    /// </summary>
    public static Action<IServiceCollection> TripCircuitEarly(string clientName, TimeSpan breakDuration) => services =>
        services.Configure<HttpStandardResilienceOptions>($"{clientName}-standard", o =>
        {
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.BreakDuration = breakDuration;
        });

    public static DataCollected Collected(string id, string provider = "shop") => new(
        id,
        new DateTimeOffset(2026, 4, 1, 10, 15, 0, TimeSpan.FromHours(9)),
        provider,
        "h_ujzdegxdncf32epf3dhodzdoci",
        ["user.contact.email"],
        ["marketing.communications.email"],
        LegalBasis.Contract,
        null);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Key.Dispose();
    }
}

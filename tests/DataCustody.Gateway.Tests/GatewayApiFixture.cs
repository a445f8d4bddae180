using System.Collections.Concurrent;
using DataCustody.Identity;
using DataCustody.Testing;

namespace DataCustody.Gateway.Tests;

/// <summary>
/// One gateway process (single-machine default, fresh data folder) shared by every test class of
/// the <see cref="GatewayApiCollection"/>, with cached bearer clients for the demo accounts.
/// </summary>
/// <remarks>
/// The gateway's state is shared by the whole collection: tests must not depend on what other
/// tests did or did not do. Use <see cref="RegisteredProviderAsync"/> for a provider that is
/// registered and has a statement key (idempotent); the demo client <c>backup</c> is left
/// unregistered for the registration tests. Make statement ids and the like unique per test.
/// </remarks>
public sealed class GatewayApiFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _clients = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<TestProvider>>> _providers = new();

    /// <summary>The running gateway.</summary>
    public GatewayProcess Gateway { get; private set; } = null!;

    /// <summary>The gateway's address.</summary>
    public Uri BaseAddress => Gateway.BaseAddress;

    /// <summary>A client without any token.</summary>
    public HttpClient Anonymous => Gateway.Http;

    /// <summary>
    /// People of this fixture's own, by username with their passwords, after the demo file's four
    /// accounts: each is for the one test that has the broker forget them, and no other test may sign
    /// them in.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ForgettablePeople { get; } = new Dictionary<string, string>
    {
        ["frida"] = "frida-test",
        ["greta"] = "greta-test",
    };

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        // Every test signs in from the same loopback address, more often than the provider lets one
        // address in a minute; the limit itself is the identity tests' to test.
        var settings = new Dictionary<string, string> { ["Identity__SignInPermitLimit"] = "1000" };
        ConfiguredAccounts.AddCitizens(settings, ForgettablePeople.Select(p => (p.Key, p.Key, SecretHasher.Hash(p.Value))));
        Gateway = await GatewayProcess.StartAsync(settings);
    }

    /// <summary>A client with a client-credentials token of a demo provider client (<c>shop</c>, <c>delivery</c>, <c>cloud</c>, <c>backup</c>).</summary>
    public Task<HttpClient> ProviderClientAsync(string clientId) =>
        _clients.GetOrAdd("client:" + clientId, _ => new Lazy<Task<HttpClient>>(async () =>
            DemoTokens.WithBearer(BaseAddress, await DemoTokens.ForClientAsync(BaseAddress, clientId)))).Value;

    /// <summary>A client with the access token of a demo person (<c>alice</c>, <c>bob</c>, <c>regina</c>, <c>audrey</c>).</summary>
    public Task<HttpClient> PersonClientAsync(string username) =>
        _clients.GetOrAdd("person:" + username, _ => new Lazy<Task<HttpClient>>(async () =>
            DemoTokens.WithBearer(BaseAddress, (await DemoTokens.ForPersonAsync(BaseAddress, username)).AccessToken))).Value;

    /// <summary>
    /// The demo provider <paramref name="clientId"/> (not <c>backup</c>), registered and with a
    /// fresh Ed25519 statement key, once per fixture.
    /// </summary>
    public Task<TestProvider> RegisteredProviderAsync(string clientId) =>
        _providers.GetOrAdd(clientId, _ => new Lazy<Task<TestProvider>>(async () =>
            await TestProvider.RegisterAsync(await ProviderClientAsync(clientId), clientId))).Value;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated && c.Value.IsCompletedSuccessfully))
        {
            client.Value.Result.Dispose();
        }
        foreach (var provider in _providers.Values.Where(p => p.IsValueCreated && p.Value.IsCompletedSuccessfully))
        {
            provider.Value.Result.Dispose();
        }
        await Gateway.DisposeAsync();
    }
}

/// <summary>The tests that share one <see cref="GatewayApiFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class GatewayApiCollection : ICollectionFixture<GatewayApiFixture>
{
    /// <summary>The collection's name, for <c>[Collection(GatewayApiCollection.Name)]</c>.</summary>
    public const string Name = "Gateway API";
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataCustody.Identity.Provider.Validation;
using DataCustody.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace DataCustody.Identity.Tests;

/// <summary>Failed client authentications at the token endpoint, limited per client address.</summary>
public sealed class ClientAuthenticationLimitTests : IAsyncLifetime
{
    private const int FailureLimit = 3;
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("datacustody-identity-").FullName;
    private IdentityHost _host = null!;
    private int _secretChecks;

    public async Task InitializeAsync() => _host = await IdentityHost.StartAsync(
        _dataFolder,
        settings: new Dictionary<string, string?>
        {
            ["Identity:ClientAuthenticationFailureLimit"] = FailureLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Identity:ClientAuthenticationFailureWindow"] = "01:00:00",
        },
        // Counts the requests that get as far as the secret's hash.
        services: s => s.AddOpenIddict().AddServer(o => o.AddEventHandler<ValidateTokenRequestContext>(h => h
            .UseInlineHandler(_ =>
            {
                Interlocked.Increment(ref _secretChecks);
                return ValueTask.CompletedTask;
            })
            .SetOrder(TokenRequestValidation.Descriptor.Order - 1))));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task Wrong_secrets_beyond_the_limit_are_refused_before_the_hash_while_other_addresses_still_get_tokens()
    {
        using var attacker = From(IPAddress.Parse("127.0.0.1"));
        using var provider = From(IPAddress.Parse("127.0.0.2"));

        var failures = await PostAsync(attacker, "shop", "guess", FailureLimit);
        var refused = await PostAsync(attacker, "shop", "guess", 5);
        var rightSecretFromAttacker = await PostAsync(attacker, "shop", DemoTokens.ClientSecrets["shop"], 1);
        var fromProvider = await PostAsync(provider, "shop", DemoTokens.ClientSecrets["shop"], FailureLimit + 1);

        Assert.All(failures, r => Assert.NotEqual(HttpStatusCode.TooManyRequests, r.StatusCode));
        Assert.All(refused.Concat(rightSecretFromAttacker), r =>
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode);
            Assert.True(int.Parse(r.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        });
        Assert.Equal("invalid_client", (await refused[0].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        // Only the allowed failures and the other address's requests reached the hash; successes spend nothing.
        Assert.Equal(FailureLimit + FailureLimit + 1, _secretChecks);
        Assert.All(fromProvider, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    private HttpClient From(IPAddress local) => LoopbackClient.From(local, _host.BaseAddress);

    private static async Task<HttpResponseMessage[]> PostAsync(HttpClient client, string clientId, string secret, int times)
    {
        var responses = new HttpResponseMessage[times];
        for (var i = 0; i < times; i++)
        {
            responses[i] = await client.PostAsync("connect/token", DemoTokens.ClientCredentials(clientId, secret));
        }
        return responses;
    }
}

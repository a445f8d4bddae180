using DataCustody.Sdk.Keys;
using DataCustody.Sdk.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataCustody.Sdk.Tests;

public sealed class ShutdownTests : IAsyncLifetime
{
    // Long enough that only the shutdown can send the batch.
    private static readonly TimeSpan NeverDue = TimeSpan.FromHours(1);

    private FakeGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await FakeGateway.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Stopping_the_host_sends_the_statements_still_queued()
    {
        using var key = ProviderKey.Generate("shop-key-1");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        SdkHost.AddDataCustody(builder.Services, _gateway, key, o => o.MaxBatchDelay = NeverDue);
        Task<StatementResult> submitted;
        using (var host = builder.Build())
        {
            await host.StartAsync();
            submitted = host.Services.GetRequiredService<DataCustodyProviderClient>().SubmitAsync(SdkHost.Collected("col-queued"));
            Assert.False(submitted.IsCompleted);

            await host.StopAsync();
        }

        var result = await submitted;
        Assert.Equal(("col-queued", StatementStatus.Recorded), (result.StatementId, result.Status));
        Assert.Contains(_gateway.Requests, r => r.PathAndQuery == "/api/v1/statements" && r.Authorization.StartsWith("Bearer token-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disposing_the_service_provider_sends_the_statements_still_queued_over_the_clients_already_made()
    {
        var sdk = SdkHost.Create(_gateway, o => o.MaxBatchDelay = NeverDue);
        // A disposed container makes no new HTTP handlers nor scopes: the token and handlers come from this call.
        await sdk.Provider.GetObligationsAsync();
        var submitted = sdk.Provider.SubmitAsync(SdkHost.Collected("col-queued"));
        Assert.False(submitted.IsCompleted);

        await sdk.DisposeAsync();

        var result = await submitted;
        Assert.Equal(("col-queued", StatementStatus.Recorded), (result.StatementId, result.Status));
        Assert.Single(_gateway.Requests, r => r.PathAndQuery == "/api/v1/statements");
    }
}

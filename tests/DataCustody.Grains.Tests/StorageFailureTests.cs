using DataCustody.Grains.Compliance;
using DataCustody.Grains.Tests.Custody;
using DataCustody.Storage;
using DataCustody.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DataCustody.Grains.Tests;

/// <summary>
/// A grain whose storage fails answers its caller with a <see cref="StorageFailedException"/> that says whether
/// the failure may pass, not with Orleans' CodecNotFoundException for the driver's own exception type.
/// </summary>
public sealed class StorageFailureTests(CustodyDatabases databases) : IClassFixture<CustodyDatabases>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static TheoryData<StorageProvider> Providers => CustodyDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_query_the_storage_refuses_reaches_the_caller_as_a_lasting_storage_failure(StorageProvider provider)
    {
        await using var cluster = await databases.StartClusterAsync(provider);
        var compliance = cluster.Grains.GetGrain<IComplianceGrain>(0);
        await RenameTableAsync(cluster, "hops", "hops_elsewhere");

        var failed = await Assert.ThrowsAsync<StorageFailedException>(() => compliance.GetUnconfirmedHops(null, 10));

        Assert.False(failed.IsTransient);
        Assert.Contains("hops", failed.Message, StringComparison.Ordinal);
        await RenameTableAsync(cluster, "hops_elsewhere", "hops");
        Assert.Empty((await compliance.GetUnconfirmedHops(null, 10)).Items);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_grain_whose_storage_fails_while_it_activates_tells_its_caller_so(StorageProvider provider)
    {
        await using var cluster = await databases.StartClusterAsync(provider);
        await RenameTableAsync(cluster, "people", "people_elsewhere");

        // No call filter sees an activation: the person's grain reads its registry entry before any call runs.
        var failed = await Assert.ThrowsAsync<StorageFailedException>(() => cluster.Person("p1").GetCustodyView());

        Assert.False(failed.IsTransient);
        Assert.Contains("people", failed.Message, StringComparison.Ordinal);
        await RenameTableAsync(cluster, "people_elsewhere", "people");
        Assert.Empty((await cluster.Person("p1").GetCustodyView()).Holders);
    }

    [Fact]
    public async Task A_storage_server_that_is_down_reaches_the_caller_as_a_transient_storage_failure_until_it_is_back()
    {
        await using var postgres = await ThrowawayPostgres.StartAsync(durable: false);
        await using var cluster = await CustodyCluster.StartAsync(StorageProvider.Postgres, postgres.ConnectionString);
        var compliance = cluster.Grains.GetGrain<IComplianceGrain>(0);
        Assert.Empty((await compliance.GetUnconfirmedHops(null, 10)).Items);
        await postgres.StopAsync();

        var failed = await Assert.ThrowsAsync<StorageFailedException>(() => compliance.GetUnconfirmedHops(null, 10));

        Assert.True(failed.IsTransient, failed.Message);
        await postgres.StartAgainAsync();
        // Pooled connections the stop cut fail once each before the pool opens new ones.
        var page = await Eventually.UntilAsync(() => UnconfirmedHopsOrNullAsync(compliance), p => p is not null, Patience, "the view once the server is back");
        Assert.Empty(page!.Items);
    }

    private static async Task RenameTableAsync(CustodyCluster cluster, string from, string to)
    {
        await using var connection = await cluster.Services.GetRequiredService<Database>().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"ALTER TABLE {from} RENAME TO {to}";
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<CompliancePage<UnconfirmedHop>?> UnconfirmedHopsOrNullAsync(IComplianceGrain compliance)
    {
        try
        {
            return await compliance.GetUnconfirmedHops(null, 10);
        }
        catch (StorageFailedException e) when (e.IsTransient)
        {
            return null;
        }
    }
}

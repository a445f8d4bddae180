using System.Net;
using DataCustody.Testing;
using Microsoft.Data.Sqlite;

namespace DataCustody.Gateway.Tests;

/// <summary>A gateway whose storage refuses a view's query for a while: the table the view reads is renamed away, and back.</summary>
public sealed class StorageFailedTests() : OwnGateway(new Dictionary<string, string>())
{
    private const string View = "api/v1/compliance/unconfirmed-hops";
    private const string StorageMessage = "no such table: hops";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_query_the_storage_refuses_is_a_500_problem_without_the_storage_message_and_the_view_serves_again_once_it_is_back()
    {
        using var regulator = DemoTokens.WithBearer(Gateway.BaseAddress, (await DemoTokens.ForPersonAsync(Gateway.BaseAddress, "regina")).AccessToken);
        await RenameTableAsync("hops", "hops_elsewhere");

        using var failed = await regulator.GetAsync(View);

        await Problems.AssertAsync(failed, HttpStatusCode.InternalServerError, field: "$");
        Assert.Null(failed.Headers.RetryAfter);
        Assert.DoesNotContain(StorageMessage, await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The silo logs what the caller was not told, where the grain call failed.
        await Eventually.UntilAsync(
            () => Task.FromResult(Gateway.Output),
            output => output.Contains("GetUnconfirmedHops", StringComparison.Ordinal) && output.Contains("failed in storage", StringComparison.Ordinal) && output.Contains(StorageMessage, StringComparison.Ordinal),
            Patience,
            "the storage failure in the gateway's log");
        await RenameTableAsync("hops_elsewhere", "hops");
        using var served = await regulator.GetAsync(View);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    private async Task RenameTableAsync(string from, string to)
    {
        await using var database = new SqliteConnection($"Data Source={Path.Combine(Gateway.DataFolder, "custody.db")};Pooling=False");
        await database.OpenAsync();
        await using var rename = database.CreateCommand();
        rename.CommandText = $"ALTER TABLE {from} RENAME TO {to}";
        await rename.ExecuteNonQueryAsync();
    }
}

using System.Net;
using System.Net.Http.Json;
using DataCustody.Testing;
using Microsoft.Data.Sqlite;

namespace DataCustody.Gateway.Tests;

/// <summary>A gateway whose ledger's storage refuses every append: a trigger on its SQLite file aborts each insert of an entry.</summary>
public sealed class LedgerWriteFailedTests() : OwnGateway(new Dictionary<string, string>())
{
    private const string StorageMessage = "refused by the trigger of the test";

    [Fact]
    public async Task A_write_the_storage_fails_is_a_500_problem_that_says_nothing_was_written_without_the_storage_message()
    {
        using var shop = DemoTokens.WithBearer(Gateway.BaseAddress, await DemoTokens.ForClientAsync(Gateway.BaseAddress, "shop"));
        await using (var database = new SqliteConnection($"Data Source={Path.Combine(Gateway.DataFolder, "custody.db")};Pooling=False"))
        {
            await database.OpenAsync();
            await using var trigger = database.CreateCommand();
            trigger.CommandText = $"CREATE TRIGGER refuse_entries BEFORE INSERT ON ledger_entries BEGIN SELECT RAISE(ABORT, '{StorageMessage}'); END";
            await trigger.ExecuteNonQueryAsync();
        }

        using var failed = await shop.PostAsJsonAsync("api/v1/providers", new { name = "Shop", jurisdiction = "JP", sector = "Retail", contact = "privacy@shop.example" });

        var problem = await Problems.AssertAsync(failed, HttpStatusCode.InternalServerError, field: "$");
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("nothing of the request was written", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(StorageMessage, await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

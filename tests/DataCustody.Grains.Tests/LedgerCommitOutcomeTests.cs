using DataCustody.Grains.Ledger;
using DataCustody.Grains.Tests.Custody;
using DataCustody.Storage;
using DataCustody.Testing;
using Npgsql;
using static DataCustody.Grains.Tests.LedgerGrainTests;

namespace DataCustody.Grains.Tests;

/// <summary>
/// Appends whose commit reported a failure, on PostgreSQL behind a relay that loses the connection
/// during COMMIT: a commit that landed, or that the server was still carrying out, is answered as
/// appended, and when the log cannot be read to tell, the callers hear of the failure and the ledger reloads.
/// </summary>
public sealed class LedgerCommitOutcomeTests(CustodyDatabases databases) : IClassFixture<CustodyDatabases>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    // The connection is lost once the server has answered the COMMIT, or as soon as the COMMIT has gone out, while
    // the server is still committing: then the ledger must not read the head before the server has finished.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_commit_that_landed_though_its_connection_was_lost_is_answered_as_appended(bool lostWhileTheServerCommits)
    {
        var database = await databases.CreateDatabaseAsync(StorageProvider.Postgres);
        await using var relay = new PostgresRelay(new NpgsqlConnectionStringBuilder(database).Port);
        await using var cluster = await StartClusterAsync(database, relay);
        await cluster.Ledger.Append([Leaf(0)]);
        if (lostWhileTheServerCommits)
        {
            await SlowDownCommitsAsync(database);
        }

        var cut = relay.CutAtNextCommitAsync(goDown: false, beforeAnswer: lostWhileTheServerCommits);
        var landed = await cluster.Ledger.Append([Leaf(1)]).WaitAsync(Patience);
        await cut.WaitAsync(Patience);
        var next = await cluster.Ledger.Append([Leaf(2)]).WaitAsync(Patience);

        Assert.Equal(new LedgerAppend(1, 1), landed);
        Assert.Equal(new LedgerAppend(2, 1), next);
        var stored = await cluster.Store.ReadEntriesAsync(0, 10);
        Assert.Equal([Leaf(0), Leaf(1), Leaf(2)], stored.Select(e => e.Leaf));
    }

    [Fact]
    public async Task When_the_log_cannot_be_read_after_a_lost_commit_the_callers_hear_of_it_and_the_ledger_reloads()
    {
        var database = await databases.CreateDatabaseAsync(StorageProvider.Postgres);
        await using var relay = new PostgresRelay(new NpgsqlConnectionStringBuilder(database).Port);
        await using var cluster = await StartClusterAsync(database, relay);
        await cluster.Ledger.Append([Leaf(0)]);
        var (gate, appends) = await cluster.HoldTransactionAsync(Leaf(1), [Leaf(2), Leaf(3)], Patience);

        var cut = relay.CutAtNextCommitAsync(goDown: true);
        gate.SetResult();
        await cut.WaitAsync(Patience);

        // The held append may be in the log, so it is not refused as one to retry; those behind it were never tried.
        var lost = await Assert.ThrowsAsync<LedgerWriteFailedException>(() => appends[0].WaitAsync(Patience));
        Assert.True(lost.MayHaveBeenWritten);
        await Assert.ThrowsAsync<LedgerUnavailableException>(() => appends[1].WaitAsync(Patience));
        await Assert.ThrowsAsync<LedgerUnavailableException>(() => appends[2].WaitAsync(Patience));

        relay.ComeBack();
        var resumed = await Eventually.UntilAsync(() => AppendOrNullAsync(cluster, Leaf(4)), a => a is not null, Patience, "an append after the ledger reloaded");
        Assert.Equal(2, resumed!.FirstIndex);
        var stored = await cluster.Store.ReadEntriesAsync(0, 10);
        Assert.Equal([Leaf(0), Leaf(1), Leaf(4)], stored.Select(e => e.Leaf));
    }

    // The server takes its time over each COMMIT that moves the head, so the ledger asks while it still commits.
    private static async Task SlowDownCommitsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(2); RETURN NULL; END $$;
            CREATE CONSTRAINT TRIGGER slow_commit AFTER UPDATE ON ledger_head DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION slow_commit();
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static Task<LedgerCluster> StartClusterAsync(string database, PostgresRelay relay) => LedgerCluster.StartAsync(new Dictionary<string, string>
    {
        ["Storage:Provider"] = nameof(StorageProvider.Postgres),
        ["Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(database) { Port = relay.Port }.ConnectionString,
    });

    // Until the pool has let go of the connections the relay cut, and the ledger has reloaded, appends fail.
    private static async Task<LedgerAppend?> AppendOrNullAsync(LedgerCluster cluster, byte[] leaf)
    {
        try
        {
            return await cluster.Ledger.Append([leaf]);
        }
        catch (Exception)
        {
            return null;
        }
    }
}

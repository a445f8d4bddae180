using System.Data.Common;
using Dapper;

namespace DataCustody.Storage.Tests;

public sealed class GroupedWritesTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>, IDisposable
{
    private readonly TestDatabases _databases = new(postgres);

    public static TheoryData<StorageProvider> Providers => TestDatabases.Providers;

    public void Dispose() => _databases.Dispose();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Writes_made_together_all_land(StorageProvider provider)
    {
        var database = await _databases.CreateAsync(provider);
        await using var writer = new WriterConnection(database);
        var writes = new GroupedWrites(writer);

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            writes.WriteAsync((connection, transaction) => InsertPersonAsync(connection, transaction, $"person-{i}"))));

        Assert.Equal(100, await CountPeopleAsync(database));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Grouped_writes_run_on_the_connection_the_log_appends_through(StorageProvider provider)
    {
        // A SQLite connection drops its page cache whenever another connection writes: the log's
        // appends would re-read their index pages after every registry write made elsewhere.
        await using var writer = new WriterConnection(await _databases.CreateAsync(provider));
        var writes = new GroupedWrites(writer);
        DbConnection? appendsConnection = null;
        DbConnection? groupedConnection = null;

        await writer.WriteAsync(connection => Task.FromResult(appendsConnection = connection), CancellationToken.None);
        await writes.WriteAsync((connection, transaction) => InsertPersonAsync(groupedConnection = connection, transaction, "person"));

        Assert.NotNull(appendsConnection);
        Assert.Same(appendsConnection, groupedConnection);
    }

    [Fact]
    public async Task Writes_made_together_share_transactions()
    {
        await using var writer = new WriterConnection(await _databases.CreateAsync(StorageProvider.Sqlite));
        var writes = new GroupedWrites(writer);
        // Microsoft.Data.Sqlite makes a new transaction object per transaction (Npgsql recycles its own).
        var transactions = new HashSet<DbTransaction>();

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => writes.WriteAsync(async (connection, transaction) =>
        {
            lock (transactions)
            {
                transactions.Add(transaction);
            }
            await InsertPersonAsync(connection, transaction, $"person-{i}");
        })));

        Assert.InRange(transactions.Count, 1, 10);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_failing_write_fails_its_transaction_and_the_next_writes_still_commit(StorageProvider provider)
    {
        var database = await _databases.CreateAsync(provider);
        await using var writer = new WriterConnection(database);
        var writes = new GroupedWrites(writer);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The first transaction is held open so that the next two writes queue and share one.
        var first = writes.WriteAsync(async (connection, transaction) =>
        {
            started.SetResult();
            await release.Task;
            await InsertPersonAsync(connection, transaction, "first");
        });
        await started.Task;
        var kept = writes.WriteAsync((connection, transaction) => InsertPersonAsync(connection, transaction, "rolled-back"));
        var failing = writes.WriteAsync((_, _) => throw new InvalidOperationException("the database refused"));
        release.SetResult();

        await first;
        Assert.Equal("the database refused", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => kept);
        await writes.WriteAsync((connection, transaction) => InsertPersonAsync(connection, transaction, "after"));
        Assert.Equal(2, await CountPeopleAsync(database));
    }

    private static Task InsertPersonAsync(DbConnection connection, DbTransaction transaction, string personId) =>
        connection.ExecuteAsync(
            "INSERT INTO people (person_id, secret, created_at_ms) VALUES (@personId, @secret, 0)",
            new { personId, secret = new byte[32] }, transaction);

    private static async Task<long> CountPeopleAsync(Database database)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM people");
    }
}

using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace DataCustody.Storage.Tests;

public sealed class ReusedCommandsTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>, IDisposable
{
    private const string Insert = "INSERT INTO scratch (id, text_value, number, bytes) VALUES (@Id, @TextValue, @Number, @Bytes)";

    private readonly TestDatabases _databases = new(postgres);

    public static TheoryData<StorageProvider> Providers => TestDatabases.Providers;

    public void Dispose() => _databases.Dispose();

    public static TheoryData<StorageProvider, Row> Rows
    {
        get
        {
            // Empty text and bytes are values, not NULL; long text does not fit the stack buffer on SQLite.
            Row[] rows =
            [
                new(1, "", 0, []),
                new(2, null, null, null),
                new(3, "handle-7QX2", long.MaxValue, [0, 1, 2, 255]),
                new(4, string.Concat(Enumerable.Repeat("個人データ and data ", 400)), long.MinValue, new byte[5000]),
            ];
            var data = new TheoryData<StorageProvider, Row>();
            foreach (var provider in Enum.GetValues<StorageProvider>())
            {
                foreach (var row in rows)
                {
                    data.Add(provider, row);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task A_row_reads_back_as_it_was_written(StorageProvider provider, Row row)
    {
        await using var connection = await ScratchAsync(provider);
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            using var commands = new ReusedCommands(connection, transaction);
            Assert.Equal(1, await commands.ExecuteAsync(Insert, row));
            await transaction.CommitAsync();
        }

        var stored = await connection.QuerySingleAsync<Row>("SELECT id, text_value, number, bytes FROM scratch");
        Assert.Equal(row, stored);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_command_runs_again_for_each_row_and_counts_the_rows_it_changed(StorageProvider provider)
    {
        await using var connection = await ScratchAsync(provider);
        await using var transaction = await connection.BeginTransactionAsync();
        using var commands = new ReusedCommands(connection, transaction);

        for (var i = 0; i < 10; i++)
        {
            await commands.ExecuteAsync(Insert, new Row(i, $"row {i}", i % 2, null));
        }
        var changed = await commands.ExecuteAsync("UPDATE scratch SET text_value = @text WHERE number = @number", new { text = "odd", number = 1L });
        var unchanged = await commands.ExecuteAsync("UPDATE scratch SET text_value = @text WHERE number = @number", new { text = "none", number = 7L });

        Assert.Equal((5, 0), (changed, unchanged));
        Assert.Equal(5, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM scratch WHERE text_value = 'odd'", transaction: transaction));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_row_the_database_refuses_throws_its_error(StorageProvider provider)
    {
        await using var connection = await ScratchAsync(provider);
        await using var transaction = await connection.BeginTransactionAsync();
        using var commands = new ReusedCommands(connection, transaction);
        await commands.ExecuteAsync(Insert, new Row(1, "first", 1, null));

        await Assert.ThrowsAnyAsync<DbException>(() => commands.ExecuteAsync(Insert, new Row(1, "again", 2, null)));
    }

    [Fact]
    public async Task On_SQLite_a_statement_runs_again_after_a_row_it_refused()
    {
        await using var connection = await ScratchAsync(StorageProvider.Sqlite);
        await using var transaction = await connection.BeginTransactionAsync();
        using var commands = new ReusedCommands(connection, transaction);
        await commands.ExecuteAsync(Insert, new Row(1, "first", 1, null));
        await Assert.ThrowsAsync<SqliteException>(() => commands.ExecuteAsync(Insert, new Row(1, "again", 2, null)));

        Assert.Equal(1, await commands.ExecuteAsync(Insert, new Row(2, "second", 2, null)));
        Assert.Equal(["first", "second"], await connection.QueryAsync<string>("SELECT text_value FROM scratch ORDER BY id", transaction: transaction));
    }

    [Fact]
    public async Task On_SQLite_SQL_naming_a_value_the_parameters_lack_is_refused_before_it_runs()
    {
        await using var connection = await ScratchAsync(StorageProvider.Sqlite);
        await using var transaction = await connection.BeginTransactionAsync();
        using var commands = new ReusedCommands(connection, transaction);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            commands.ExecuteAsync("INSERT INTO scratch (id, text_value) VALUES (@Id, @Missing)", new { Id = 1L }));

        Assert.Contains("@Missing", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM scratch", transaction: transaction));
    }

    private async Task<DbConnection> ScratchAsync(StorageProvider provider)
    {
        var database = await _databases.CreateAsync(provider, migrate: false);
        var connection = await database.OpenAsync();
        var bytes = provider == StorageProvider.Postgres ? "BYTEA" : "BLOB";
        await connection.ExecuteAsync($"CREATE TABLE scratch (id BIGINT PRIMARY KEY, text_value TEXT, number BIGINT, bytes {bytes})");
        return connection;
    }

    public sealed record Row(long Id, string? TextValue, long? Number, byte[]? Bytes)
    {
        public bool Equals(Row? other) =>
            other is not null && Id == other.Id && TextValue == other.TextValue && Number == other.Number
            && (Bytes is null ? other.Bytes is null : other.Bytes is not null && Bytes.AsSpan().SequenceEqual(other.Bytes));

        public override int GetHashCode() => HashCode.Combine(Id, TextValue, Number);
    }
}

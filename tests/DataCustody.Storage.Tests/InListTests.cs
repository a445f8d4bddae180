using System.Data.Common;
using Dapper;

namespace DataCustody.Storage.Tests;

public sealed class InListTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>, IDisposable
{
    // Beyond the 32,766 parameters SQLite takes in one statement, which a parameter per value would need.
    private const int Longest = 40_000;

    private readonly TestDatabases _databases = new(postgres);

    public static TheoryData<StorageProvider> Providers => TestDatabases.Providers;

    public void Dispose() => _databases.Dispose();

    public static TheoryData<StorageProvider, int> Lengths
    {
        get
        {
            var data = new TheoryData<StorageProvider, int>();
            foreach (var provider in Enum.GetValues<StorageProvider>())
            {
                foreach (var length in new[] { 1, 1_000, Longest })
                {
                    data.Add(provider, length);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public async Task A_list_finds_exactly_the_rows_whose_text_it_names(StorageProvider provider, int length)
    {
        var (database, connection) = await ScratchAsync(provider);
        await using var _ = connection;
        // Every other row is asked for, among as many values that match none; quotes, backslashes and
        // non-ASCII text must match as stored, not as escaped on the way.
        var asked = Enumerable.Range(0, length).Select(i => i % 2 == 0 ? Text(i) : $"absent-{i}").ToList();

        var found = await connection.QueryAsync<string>(
            $"SELECT text_value FROM scratch WHERE {database.Dialect.InList("text_value", "values")}", new { values = database.Dialect.ListOf(asked) });

        Assert.Equal(asked.Where((_, i) => i % 2 == 0).Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public async Task A_list_finds_exactly_the_rows_whose_number_it_names(StorageProvider provider, int length)
    {
        var (database, connection) = await ScratchAsync(provider);
        await using var _ = connection;
        var asked = Enumerable.Range(0, length).Select(i => i % 2 == 0 ? (long)i : -i).ToList();

        var found = await connection.QueryAsync<long>(
            $"SELECT id FROM scratch WHERE {database.Dialect.InList("id", "ids")}", new { ids = database.Dialect.ListOf(asked) });

        Assert.Equal(asked.Where(i => i >= 0).Order(), found.Order());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_empty_list_finds_nothing(StorageProvider provider)
    {
        var (database, connection) = await ScratchAsync(provider);
        await using var _ = connection;

        var found = await connection.QueryAsync<long>(
            $"SELECT id FROM scratch WHERE {database.Dialect.InList("id", "ids")}", new { ids = database.Dialect.ListOf(Array.Empty<long>()) });

        Assert.Empty(found);
    }

    private const string TextTail = " 'quoted' \"double\" back\\slash 個人データ";

    private static string Text(int i) => $"id-{i}{TextTail}";

    private async Task<(Database Database, DbConnection Connection)> ScratchAsync(StorageProvider provider)
    {
        var database = await _databases.CreateAsync(provider, migrate: false);
        var connection = await database.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE scratch (id BIGINT PRIMARY KEY, text_value TEXT NOT NULL)");
        // One statement both databases run, rather than a round trip per row.
        await connection.ExecuteAsync(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @count) "
            + "INSERT INTO scratch (id, text_value) SELECT i, 'id-' || CAST(i AS TEXT) || @tail FROM n",
            new { count = Longest, tail = TextTail });
        return (database, connection);
    }
}

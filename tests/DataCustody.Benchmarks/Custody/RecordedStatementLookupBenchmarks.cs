using BenchmarkDotNet.Attributes;
using Dapper;
using DataCustody.Storage;
using DataCustody.Storage.Custody;
using DataCustody.Storage.Dialects;
using Microsoft.Data.Sqlite;

namespace DataCustody.Benchmarks.Custody;

/// <summary>
/// A provider's batch checked for earlier recordings (<see cref="CustodyQueries.StatementsAsync"/>), on SQLite
/// with 200,000 recorded statements, half of the batch's ids among them. The baseline is the same query with
/// the ids as one parameter each, as Dapper expands a list: its cost grows with the square of the batch.
/// </summary>
[MemoryDiagnoser]
public class RecordedStatementLookupBenchmarks
{
    private const int Recorded = 200_000;
    private const string ProviderId = "provider-1";

    private string _file = "";
    private Database _database = null!;
    private CustodyQueries _queries = null!;
    private string[] _ids = [];

    [Params(100, 500, 1000)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _file = Path.Combine(Path.GetTempPath(), $"datacustody-lookup-{Guid.NewGuid():N}.db");
        _database = new Database(new SqliteDialect(), $"Data Source={_file}");
        await SchemaMigrator.MigrateAsync(_database);
        await using var connection = await _database.OpenAsync();
        await connection.ExecuteAsync(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @count) "
            + "INSERT INTO statements (provider_id, statement_id, payload_sha256, entry_index) "
            + "SELECT 'provider-' || (i % 4), lower(hex(randomblob(16))), zeroblob(32), i FROM n",
            new { count = Recorded });
        var recorded = await connection.QueryAsync<string>(
            "SELECT statement_id FROM statements WHERE provider_id = @ProviderId LIMIT @half", new { ProviderId, half = BatchSize / 2 });
        _ids = [.. recorded, .. Enumerable.Range(0, BatchSize - (BatchSize / 2)).Select(_ => Guid.NewGuid().ToString("N"))];
        _queries = new CustodyQueries(_database);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }

    [Benchmark(Baseline = true)]
    public async Task<int> OneParameterPerId()
    {
        await using var connection = await _database.OpenAsync();
        var rows = await connection.QueryAsync<StatementRow>(
            "SELECT * FROM statements WHERE provider_id = @ProviderId AND statement_id IN @ids", new { ProviderId, ids = _ids });
        return rows.Count();
    }

    [Benchmark]
    public async Task<int> OneListParameter() => (await _queries.StatementsAsync(ProviderId, _ids)).Count;
}

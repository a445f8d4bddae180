using DataCustody.Storage;
using DataCustody.Storage.Dialects;
using DataCustody.Testing;
using Microsoft.Data.Sqlite;

namespace DataCustody.Benchmarks.Ledger;

/// <summary>
/// Fresh databases of one kind for a run, all durable: SQLite files in a temporary folder, or
/// databases on a private PostgreSQL server. Disposing stops the server and deletes the folder.
/// </summary>
internal sealed class BenchmarkStorage : IAsyncDisposable
{
    private readonly string _folder;
    private readonly ThrowawayPostgres? _postgres;

    private BenchmarkStorage(StorageProvider provider, string folder, ThrowawayPostgres? postgres)
    {
        Provider = provider;
        _folder = folder;
        _postgres = postgres;
    }

    public StorageProvider Provider { get; }

    /// <summary>The dialect's name: <c>sqlite</c> or <c>postgres</c>.</summary>
    public string Name => SqlDialect.For(Provider).Name;

    public static async Task<BenchmarkStorage> StartAsync(StorageProvider provider, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("datacustody-ledger-load-").FullName;
        try
        {
            // The durable server: a commit-latency benchmark on a server without fsync would flatter.
            var postgres = provider == StorageProvider.Postgres ? await ThrowawayPostgres.StartAsync(cancellationToken) : null;
            return new BenchmarkStorage(provider, folder, postgres);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>An empty database with the broker's schema, apart from the silo's.</summary>
    public async Task<Database> CreateMigratedDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        var database = _postgres is null
            // The connection string the silo builds for its own SQLite file.
            ? new Database(new SqliteDialect(), $"Data Source={Path.Combine(_folder, name + ".db")};Pooling=True")
            : new Database(new PostgresDialect(), await _postgres.CreateDatabaseAsync(name, cancellationToken));
        await SchemaMigrator.MigrateAsync(database, cancellationToken);
        return database;
    }

    /// <summary>The silo's storage configuration: a data folder of its own and, for PostgreSQL, a database of its own.</summary>
    public async Task<Dictionary<string, string?>> CreateSiloSettingsAsync(CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DataFolder"] = Path.Combine(_folder, "silo"),
            ["Storage:Provider"] = Provider.ToString(),
        };
        if (_postgres is not null)
        {
            settings["Storage:ConnectionString"] = await _postgres.CreateDatabaseAsync("ledger", cancellationToken);
        }
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_postgres is not null)
            {
                await _postgres.DisposeAsync();
            }
        }
        finally
        {
            // Pooled SQLite connections keep the files open.
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }
}

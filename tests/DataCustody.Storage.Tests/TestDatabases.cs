using DataCustody.Storage.Dialects;
using Microsoft.Data.Sqlite;

namespace DataCustody.Storage.Tests;

/// <summary>Fresh, migrated databases of either dialect for one test.</summary>
public sealed class TestDatabases(PostgresServerFixture postgres) : IDisposable
{
    private readonly List<string> _files = [];

    public static TheoryData<StorageProvider> Providers => [StorageProvider.Sqlite, StorageProvider.Postgres];

    public async Task<Database> CreateAsync(StorageProvider provider, bool migrate = true)
    {
        Database database;
        if (provider == StorageProvider.Postgres)
        {
            var connectionString = await postgres.Server.CreateDatabaseAsync($"test_{Guid.NewGuid():N}");
            database = new Database(new PostgresDialect(), connectionString);
        }
        else
        {
            var file = Path.Combine(Path.GetTempPath(), $"datacustody-{Guid.NewGuid():N}.db");
            _files.Add(file);
            database = new Database(new SqliteDialect(), $"Data Source={file};Pooling=False");
        }
        if (migrate)
        {
            await SchemaMigrator.MigrateAsync(database);
        }
        return database;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in _files)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }
}

using DataCustody.Storage;
using DataCustody.Testing;

namespace DataCustody.Grains.Tests.Custody;

/// <summary>One PostgreSQL server per test class; each test starts a cluster on a fresh database of the provider it runs on.</summary>
public sealed class CustodyDatabases : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("datacustody-databases-").FullName;
    private ThrowawayPostgres? _postgres;

    public static TheoryData<StorageProvider> Providers => [StorageProvider.Sqlite, StorageProvider.Postgres];

    public async Task InitializeAsync() => _postgres = await ThrowawayPostgres.StartAsync(durable: false);

    public async Task DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    public async Task<CustodyCluster> StartClusterAsync(StorageProvider provider) =>
        await CustodyCluster.StartAsync(provider, provider == StorageProvider.Postgres ? await CreateDatabaseAsync(provider) : null);

    /// <summary>The connection string of a new, empty database outside any cluster: a file this fixture deletes, or a PostgreSQL database.</summary>
    public async Task<string> CreateDatabaseAsync(StorageProvider provider) => provider == StorageProvider.Postgres
        ? await _postgres!.CreateDatabaseAsync($"custody_{Guid.NewGuid():N}")
        : $"Data Source={Path.Combine(_folder, $"{Guid.NewGuid():N}.db")};Pooling=True";
}

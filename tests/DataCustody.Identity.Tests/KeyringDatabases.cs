using DataCustody.Storage;
using DataCustody.Storage.Dialects;
using DataCustody.Testing;

namespace DataCustody.Identity.Tests;

/// <summary>
/// A fresh database per test for the keyring, on either storage: a SQLite file, or a database on
/// one throwaway PostgreSQL server shared by the tests of a class.
/// </summary>
public sealed class KeyringDatabases : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("datacustody-identity-").FullName;
    private ThrowawayPostgres? _postgres;

    public static TheoryData<StorageProvider> Providers => new() { StorageProvider.Sqlite, StorageProvider.Postgres };

    public async Task InitializeAsync() => _postgres = await ThrowawayPostgres.StartAsync(durable: false);

    public async Task<Database> CreateAsync(StorageProvider provider) => new(
        SqlDialect.For(provider),
        provider == StorageProvider.Sqlite
            ? $"Data Source={Path.Combine(_folder, $"{Guid.NewGuid():N}.db")};Pooling=False"
            : await _postgres!.CreateDatabaseAsync($"keys_{Guid.NewGuid():N}"));

    public async Task DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        Directory.Delete(_folder, recursive: true);
    }
}

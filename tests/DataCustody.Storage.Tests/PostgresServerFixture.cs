using DataCustody.Storage.Dialects;
using DataCustody.Testing;

namespace DataCustody.Storage.Tests;

/// <summary>
/// One throwaway PostgreSQL server per test class; each test takes a fresh, migrated database
/// from it, so tests share the server's start-up cost and nothing else.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private ThrowawayPostgres? _server;

    public ThrowawayPostgres Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() =>
        // Tests do not need durability; skipping fsync keeps them fast.
        _server = await ThrowawayPostgres.StartAsync(durable: false);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public async Task<Database> CreateMigratedDatabaseAsync()
    {
        var connectionString = await Server.CreateDatabaseAsync($"test_{Guid.NewGuid():N}");
        var database = new Database(new PostgresDialect(), connectionString);
        await SchemaMigrator.MigrateAsync(database);
        return database;
    }
}

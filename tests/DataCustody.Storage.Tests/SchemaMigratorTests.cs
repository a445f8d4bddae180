using System.Data.Common;
using Dapper;
using DataCustody.Storage.Custody;

namespace DataCustody.Storage.Tests;

public sealed class SchemaMigratorTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>, IDisposable
{
    private readonly TestDatabases _databases = new(postgres);

    public static TheoryData<StorageProvider> Providers => TestDatabases.Providers;

    public void Dispose() => _databases.Dispose();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrating_records_every_script_once_and_a_second_run_changes_nothing(StorageProvider provider)
    {
        var database = await _databases.CreateAsync(provider, migrate: false);
        var expected = SchemaMigrator.MigrationsFor(database.Dialect.Name);

        var first = await SchemaMigrator.MigrateAsync(database);
        var second = await SchemaMigrator.MigrateAsync(database);

        Assert.Equal(expected[^1].Version, first);
        Assert.Equal(first, second);
        await using var connection = await database.OpenAsync();
        var recorded = await connection.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version");
        Assert.Equal(expected.Select(m => m.Version), recorded);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT size FROM ledger_head"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_database_newer_than_the_code_refuses_to_start_and_says_why(StorageProvider provider)
    {
        var database = await _databases.CreateAsync(provider);
        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync("INSERT INTO schema_version (version, name, applied_at_ms) VALUES (999, 'from_the_future', 0)");
        }

        var error = await Assert.ThrowsAsync<SchemaTooNewException>(() => SchemaMigrator.MigrateAsync(database));

        Assert.Equal(999, error.DatabaseVersion);
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_dialect_numbers_its_migrations_from_one_upwards(StorageProvider provider)
    {
        // Gaps are allowed: a number is reserved for a feature before its branch merges.
        var versions = SchemaMigrator.MigrationsFor(Dialects.SqlDialect.For(provider).Name).Select(m => m.Version).ToList();

        Assert.Equal(1, versions[0]);
        Assert.Equal(versions.Order(), versions);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_script_numbered_below_the_latest_applied_one_still_runs(StorageProvider provider)
    {
        var database = await _databases.CreateAsync(provider);
        var identity = SchemaMigrator.MigrationsFor(database.Dialect.Name).Single(m => m.Name == "identity");
        // As if the identity tables came from a branch merged after the later scripts ran.
        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync("DROP TABLE identity_redeemed_tokens;");
            await connection.ExecuteAsync("DELETE FROM schema_version WHERE version = @Version", new { identity.Version });
        }

        await SchemaMigrator.MigrateAsync(database);

        await using var migrated = await database.OpenAsync();
        Assert.Equal(1, await migrated.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_version WHERE version = @Version", new { identity.Version }));
        Assert.Equal(0, await migrated.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM identity_redeemed_tokens"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Upgrading_keeps_the_one_key_per_purpose_of_earlier_versions_as_their_first_generations(StorageProvider provider)
    {
        var database = await _databases.CreateAsync(provider);
        var migrations = SchemaMigrator.MigrationsFor(database.Dialect.Name);
        var identity = migrations.Single(m => m.Name == "identity");
        var versions = migrations.Where(m => m.Name is "identity_signing_keys" or "identity_encryption_keys").Select(m => m.Version).ToList();
        // As before the upgrade: the identity script's tables, with one key per purpose.
        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync("DROP TABLE identity_signing_keys; DROP TABLE identity_encryption_keys; DROP TABLE identity_redeemed_tokens;");
            await connection.ExecuteAsync(identity.Sql);
            await connection.ExecuteAsync($"DELETE FROM schema_version WHERE {database.Dialect.InList("version", "versions")}", new { versions = database.Dialect.ListOf(versions) });
            await connection.ExecuteAsync(
                "INSERT INTO identity_keys (purpose, key_material, created_at_ms) VALUES ('signing', @signing, 1234), ('encryption', @encryption, 5678)",
                new { signing = new byte[] { 1, 2, 3 }, encryption = new byte[] { 4, 5 } });
        }

        await SchemaMigrator.MigrateAsync(database);

        await using var migrated = await database.OpenAsync();
        const string Columns = "generation AS Generation, key_material AS Material, active_from_ms AS ActiveFromMs";
        var signing = await migrated.QuerySingleAsync<(long Generation, byte[] Material, long ActiveFromMs)>($"SELECT {Columns} FROM identity_signing_keys");
        var encryption = await migrated.QuerySingleAsync<(long Generation, byte[] Material, long ActiveFromMs)>($"SELECT {Columns} FROM identity_encryption_keys");
        Assert.Equal((1L, 1234L), (signing.Generation, signing.ActiveFromMs));
        Assert.Equal([1, 2, 3], signing.Material);
        Assert.Equal((1L, 5678L), (encryption.Generation, encryption.ActiveFromMs));
        Assert.Equal([4, 5], encryption.Material);
        await Assert.ThrowsAnyAsync<DbException>(() => migrated.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM identity_keys"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Upgrading_marks_the_copies_collected_on_a_basis_other_than_consent_as_standing_on_their_own(StorageProvider provider)
    {
        var database = await _databases.CreateAsync(provider);
        var ownBasis = SchemaMigrator.MigrationsFor(database.Dialect.Name).Single(m => m.Name == "holdings_own_basis");
        // As before the upgrade: copies collected on a contract, on a consent found, on a consent not found
        // (flagged), and passed on by a transfer whose entry does not say what the sender held it on.
        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync("ALTER TABLE holdings DROP COLUMN on_own_basis");
            await connection.ExecuteAsync("DELETE FROM schema_version WHERE version = @Version", new { ownBasis.Version });
            await connection.ExecuteAsync(
                """
                INSERT INTO holdings (holder, handle, category, acquired_index, acquired_at_ms, via_hop, root_consent_id) VALUES
                    ('shop', 'h-shop', 'user.contact', 1, 0, NULL, NULL),
                    ('shop', 'h-shop', 'user.contact', 2, 0, NULL, 'cns_00000001'),
                    ('shop', 'h-shop', 'user.contact', 3, 0, NULL, NULL),
                    ('partner', 'h-partner', 'user.contact', 4, 0, 4, NULL)
                """);
            await connection.ExecuteAsync("INSERT INTO violations (entry_index, code, provider_id, handle, detail) VALUES (3, 'no-consent', 'shop', 'h-shop', 'no consent covers it')");
        }

        await SchemaMigrator.MigrateAsync(database);

        await using var migrated = await database.OpenAsync();
        var copies = await migrated.QueryAsync<HoldingRow>("SELECT * FROM holdings ORDER BY acquired_index");
        Assert.Equal([true, false, false, false], copies.Select(copy => copy.OnOwnBasis));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Upgrading_keeps_on_each_hop_the_consent_the_broker_found_for_it(StorageProvider provider)
    {
        var database = await _databases.CreateAsync(provider);
        var rootConsent = SchemaMigrator.MigrationsFor(database.Dialect.Name).Single(m => m.Name == "hops_root_consent");
        // As before the upgrade: transfers on a consent named and found, on a consent found unnamed, on a consent
        // not found (flagged), on a contract, and a receipt whose transfer is not reported; each gave a copy.
        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync("ALTER TABLE hops DROP COLUMN root_consent_id");
            await connection.ExecuteAsync("DELETE FROM schema_version WHERE version = @Version", new { rootConsent.Version });
            await connection.ExecuteAsync(
                """
                INSERT INTO hops (hop_id, sender, sender_handle, recipient, recipient_handle, transfer_id, categories, legal_basis, consent_id, transfer_index, received_index) VALUES
                    (1, 'shop', 'h-shop', 'partner', 'h-partner', 't1', '["user.contact"]', 'consent', 'cns_00000001', 1, NULL),
                    (2, 'shop', 'h-shop', 'partner', 'h-partner', 't2', '["user.contact"]', 'consent', NULL, 2, NULL),
                    (3, 'shop', 'h-shop', 'partner', 'h-partner', 't3', '["user.contact"]', 'consent', 'cns_00000003', 3, NULL),
                    (4, 'shop', 'h-shop', 'partner', 'h-partner', 't4', '["user.contact"]', 'contract', NULL, 4, NULL),
                    (5, 'shop', NULL, 'partner', 'h-partner', 't5', '["user.contact"]', NULL, NULL, NULL, 5)
                """);
            await connection.ExecuteAsync(
                """
                INSERT INTO holdings (holder, handle, category, acquired_index, acquired_at_ms, via_hop, root_consent_id) VALUES
                    ('partner', 'h-partner', 'user.contact', 1, 0, 1, 'cns_00000001'),
                    ('partner', 'h-partner', 'user.contact', 2, 0, 2, 'cns_00000002'),
                    ('partner', 'h-partner', 'user.contact', 3, 0, 3, 'cns_00000009'),
                    ('partner', 'h-partner', 'user.contact', 4, 0, 4, 'cns_00000009'),
                    ('partner', 'h-partner', 'user.contact', 5, 0, 5, NULL)
                """);
            await connection.ExecuteAsync("INSERT INTO violations (entry_index, code, provider_id, handle, detail) VALUES (3, 'no-consent', 'shop', 'h-shop', 'no consent allows it')");
        }

        await SchemaMigrator.MigrateAsync(database);

        await using var migrated = await database.OpenAsync();
        var hops = await migrated.QueryAsync<HopRow>("SELECT * FROM hops ORDER BY hop_id");
        Assert.Equal(["cns_00000001", "cns_00000002", null, null, null], hops.Select(hop => hop.RootConsentId));
    }

    [Fact]
    public async Task Sqlite_runs_in_wal_mode_with_full_synchronisation()
    {
        var database = await _databases.CreateAsync(StorageProvider.Sqlite);
        await using var connection = await database.OpenAsync();

        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("PRAGMA synchronous"));
    }
}

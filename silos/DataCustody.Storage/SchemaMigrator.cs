using System.Globalization;
using System.Reflection;
using Dapper;

namespace DataCustody.Storage;

/// <summary>
/// Applies the embedded, numbered SQL migrations of the database's dialect, each in its own
/// transaction, and records them in <c>schema_version</c>.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>One migration script: its version, name and SQL.</summary>
    public sealed record Migration(int Version, string Name, string Sql);

    /// <summary>The migrations this build carries for a dialect, in order.</summary>
    public static IReadOnlyList<Migration> MigrationsFor(string dialect)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"migrations/{dialect}/";
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name => Load(assembly, name, prefix))
            .OrderBy(m => m.Version)
            .ToList();
        // Two scripts with one number would leave one of them silently unapplied.
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two {dialect} migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
        }
        return migrations;
    }

    /// <summary>
    /// Brings the database to this build's schema and returns its version. Throws
    /// <see cref="SchemaTooNewException"/> when the database is ahead of the code.
    /// </summary>
    public static async Task<int> MigrateAsync(Database database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var migrations = MigrationsFor(database.Dialect.Name);
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var setup = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            await database.Dialect.LockForMigrationAsync(connection, setup, cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at_ms BIGINT NOT NULL)",
                transaction: setup).ConfigureAwait(false);
            await setup.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var migration in migrations)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            // Another process may be migrating too: the lock makes it wait, and the version is
            // re-read under the lock so each script runs once.
            await database.Dialect.LockForMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            // Versions are a set, not a high-water mark: numbers are reserved per feature, so a
            // script numbered below one already applied (its branch merged later) still runs.
            var applied = (await connection.QueryAsync<int>("SELECT version FROM schema_version", transaction: transaction).ConfigureAwait(false)).ToHashSet();
            var newest = applied.Count == 0 ? 0 : applied.Max();
            if (newest > latest)
            {
                throw new SchemaTooNewException(newest, latest);
            }
            if (applied.Contains(migration.Version))
            {
                continue;
            }
            await connection.ExecuteAsync(migration.Sql, transaction: transaction).ConfigureAwait(false);
            await connection.ExecuteAsync(
                "INSERT INTO schema_version (version, name, applied_at_ms) VALUES (@Version, @Name, @At)",
                new { migration.Version, migration.Name, At = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
                transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        var current = await connection.ExecuteScalarAsync<int>("SELECT COALESCE(MAX(version), 0) FROM schema_version").ConfigureAwait(false);
        if (current > latest)
        {
            throw new SchemaTooNewException(current, latest);
        }
        return current;
    }

    private static Migration Load(Assembly assembly, string resource, string prefix)
    {
        var file = resource[prefix.Length..];
        var underscore = file.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0 || !int.TryParse(file[..underscore], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration '{resource}' is not named NNNN_name.sql.");
        }
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, Path.GetFileNameWithoutExtension(file[(underscore + 1)..]), reader.ReadToEnd());
    }
}

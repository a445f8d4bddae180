using System.Data.Common;
using Dapper;

namespace DataCustody.Storage.Custody;

/// <summary>
/// The broker's private link between people and their pairwise handles. It is not derived from
/// the log and never enters it: only the broker can tell that two handles are the same person,
/// and forgetting a person destroys the link for good.
/// </summary>
public sealed class PersonRegistry(Database database, WriterConnection writer)
{
    // People and handles arrive one grain activation at a time, thousands a second when a provider onboards
    // its customers.
    private readonly GroupedWrites _writes = new(writer);

    /// <summary>A person's secret and whether they asked to be forgotten.</summary>
    public sealed record Person(string PersonId, byte[]? Secret, long CreatedAtMs, long? ForgottenAtMs);

    /// <summary>Reads a person, or null if the broker never saw them.</summary>
    public async Task<Person?> FindAsync(string personId)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<Person>(
            "SELECT person_id, secret, created_at_ms, forgotten_at_ms FROM people WHERE person_id = @personId",
            new { personId }).ConfigureAwait(false);
    }

    /// <summary>Records a new person with the secret their handles derive from; an existing person stays as is.</summary>
    public async Task<Person> AddAsync(string personId, byte[] secret, long createdAtMs)
    {
        await _writes.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            "INSERT INTO people (person_id, secret, created_at_ms) VALUES (@personId, @secret, @createdAtMs) ON CONFLICT (person_id) DO NOTHING",
            new { personId, secret, createdAtMs }, transaction)).ConfigureAwait(false);
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        return await connection.QuerySingleAsync<Person>(
            "SELECT person_id, secret, created_at_ms, forgotten_at_ms FROM people WHERE person_id = @personId",
            new { personId }).ConfigureAwait(false);
    }

    /// <summary>The person's handles by provider, each once its issue is logged (see <see cref="LinkAsync"/>).</summary>
    public async Task<IReadOnlyDictionary<string, string>> HandlesAsync(string personId)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string ProviderId, string Handle)>(
            """
            SELECT p.provider_id, p.handle FROM person_handles p
            JOIN handles h ON h.handle = p.handle
            WHERE p.person_id = @personId
            """,
            new { personId }).ConfigureAwait(false);
        return rows.ToDictionary(r => r.ProviderId, r => r.Handle);
    }

    /// <summary>
    /// Links a handle to a person; linking the same handle again changes nothing. The link counts only
    /// once the handle's handle.issued entry is logged: its row in the handles projection commits with
    /// the entry, so a handle is of use exactly when the log explains it, and a link whose append failed
    /// waits, unused, for the retry that logs it.
    /// </summary>
    public Task LinkAsync(string handle, string providerId, string personId) =>
        _writes.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            "INSERT INTO person_handles (handle, provider_id, person_id) VALUES (@handle, @providerId, @personId) ON CONFLICT (handle) DO NOTHING",
            new { handle, providerId, personId }, transaction));

    /// <summary>Destroys the person's secret and every link from their handles to them.</summary>
    public Task ForgetAsync(string personId, long forgottenAtMs) =>
        writer.WriteAsync(connection => ForgetAsync(connection, personId, forgottenAtMs), CancellationToken.None);

    private static async Task ForgetAsync(DbConnection connection, string personId, long forgottenAtMs)
    {
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await connection.ExecuteAsync("DELETE FROM person_handles WHERE person_id = @personId", new { personId }, transaction).ConfigureAwait(false);
        await connection.ExecuteAsync("DELETE FROM inbox WHERE person_id = @personId", new { personId }, transaction).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "UPDATE people SET secret = NULL, forgotten_at_ms = @forgottenAtMs WHERE person_id = @personId",
            new { personId, forgottenAtMs }, transaction).ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
    }
}

using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;

namespace DataCustody.Storage.Custody;

/// <summary>
/// Reads what a breach's impact is computed from, as the projections stood in the breach window: the
/// copies a holder held at any time in the window, and the hops by which it had passed data on by the end
/// of it. Streams rows, because a large holder holds hundreds of thousands.
/// </summary>
public sealed class BreachImpactQuery(Database database)
{
    /// <summary>A copy of one category of a person's data that the holder held in the window.</summary>
    /// <param name="Handle">The holder's handle for the person.</param>
    /// <param name="Category">The data category.</param>
    /// <param name="ProfileVersion">The holder's protection profile version in force when it got the copy.</param>
    /// <param name="TermsSha256">The terms the copy came under, when it came by a hop whose sender reported it.</param>
    /// <param name="SourceHolder">The provider it came from; null when collected from the person.</param>
    /// <param name="ViaHop">The hop it came by; null when collected from the person.</param>
    public sealed record HeldCopy(string Handle, string Category, long? ProfileVersion, string? TermsSha256, string? SourceHolder, long? ViaHop);

    /// <summary>A hop by which the holder passed a person's data on.</summary>
    /// <param name="Recipient">The provider it went to.</param>
    /// <param name="SenderHandle">The holder's handle for the person.</param>
    /// <param name="RecipientHandle">The recipient's handle for the person, once known.</param>
    /// <param name="Categories">The categories passed on, as a JSON array.</param>
    /// <param name="TermsSha256">The terms the hop named.</param>
    public sealed record PassedOn(string Recipient, string SenderHandle, string? RecipientHandle, string Categories, string TermsSha256);

    /// <summary>Every copy <paramref name="holder"/> held at some time from <paramref name="fromMs"/> to <paramref name="untilMs"/>.</summary>
    public async IAsyncEnumerable<HeldCopy> HeldAsync(string holder, long fromMs, long untilMs, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var command = new CommandDefinition(
            """
            SELECT handle, category, profile_version, terms_sha256, source_holder, via_hop
            FROM holdings
            WHERE holder = @holder AND acquired_at_ms <= @untilMs AND (released_at_ms IS NULL OR released_at_ms >= @fromMs)
            """,
            new { holder, fromMs, untilMs }, cancellationToken: cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(command).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new HeldCopy(
                reader.GetString(0), reader.GetString(1), NullableLong(reader, 2), NullableString(reader, 3), NullableString(reader, 4), NullableLong(reader, 5));
        }
    }

    // The two look-ups below serve the full report, which names people and the sources' handles. Each reads
    // one range in one pass: joined to every copy instead, they cost a random index probe per copy, and
    // PostgreSQL's planner hashes the whole hops and registry tables instead.

    /// <summary>The person behind each of <paramref name="holder"/>'s handles (from the broker's private registry; forgotten people are absent).</summary>
    public async Task<IReadOnlyDictionary<string, string>> PeopleAtAsync(string holder, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Handle, string PersonId)>(new CommandDefinition(
            "SELECT handle, person_id FROM person_handles WHERE provider_id = @holder", new { holder }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Handle, r => r.PersonId, StringComparer.Ordinal);
    }

    /// <summary>The sender's handle of each hop that reached <paramref name="holder"/>, where the sender reported it.</summary>
    public async Task<IReadOnlyDictionary<long, string>> SenderHandlesToAsync(string holder, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(long HopId, string SenderHandle)>(new CommandDefinition(
            "SELECT hop_id, sender_handle FROM hops WHERE recipient = @holder AND sender_handle IS NOT NULL", new { holder }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.HopId, r => r.SenderHandle);
    }

    /// <summary>Every hop by which <paramref name="holder"/> reported passing data on, up to <paramref name="untilMs"/>.</summary>
    public async IAsyncEnumerable<PassedOn> PassedOnAsync(string holder, long untilMs, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var command = new CommandDefinition(
            """
            SELECT recipient, sender_handle, recipient_handle, categories, terms_sha256
            FROM hops
            WHERE sender = @holder AND transfer_index IS NOT NULL AND transferred_at_ms <= @untilMs
            """,
            new { holder, untilMs }, cancellationToken: cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(command).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new PassedOn(reader.GetString(0), reader.GetString(1), NullableString(reader, 2), reader.GetString(3), reader.GetString(4));
        }
    }

    /// <summary>The registrations of those of <paramref name="providers"/> that are registered.</summary>
    public async Task<IReadOnlyDictionary<string, ProviderRow>> ProvidersAsync(IReadOnlyCollection<string> providers, CancellationToken cancellationToken = default)
    {
        if (providers.Count == 0)
        {
            return new Dictionary<string, ProviderRow>();
        }
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ProviderRow>(new CommandDefinition(
            $"SELECT * FROM providers WHERE {database.Dialect.InList("provider_id", "providers")}",
            new { providers = database.Dialect.ListOf(providers) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.ProviderId, StringComparer.Ordinal);
    }

    private static long? NullableLong(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

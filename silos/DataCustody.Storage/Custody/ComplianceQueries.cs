using Dapper;

namespace DataCustody.Storage.Custody;

/// <summary>
/// Reads of the custody projections for regulators: compliance problems and the APPI records of
/// a provider. Every list is read in pages by key (never by offset), so that a page costs the
/// same on the millionth row as on the first.
/// </summary>
public sealed class ComplianceQueries(Database database)
{
    /// <summary>A transfer flagged for lacking a consent, and its hop.</summary>
    public sealed record FlaggedTransfer(ViolationRow Violation, HopRow Hop);

    /// <summary>A hop and the registration of the provider on its other side.</summary>
    public sealed record CounterpartyHop(HopRow Hop, ProviderRow Counterparty);

    /// <summary>A provider and the latest version of its protection profile.</summary>
    public sealed record CurrentProfile(ProviderRow Provider, ProfileRow Profile);

    /// <summary>Transfers flagged <see cref="ViolationCodes.NoConsent"/>, in log order.</summary>
    public async Task<RowPage<FlaggedTransfer>> UnconsentedTransfersAsync(PageKey? after, int limit)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        // The violation names the sender's handle, whose index narrows the hops to that person's.
        var rows = await connection.QueryAsync<ViolationRow, HopRow, FlaggedTransfer>(
            """
            SELECT v.*, h.* FROM violations v
            JOIN hops h ON h.sender_handle = v.handle AND h.transfer_index = v.entry_index
            WHERE v.code = @code AND v.entry_index > @Index
            ORDER BY v.entry_index LIMIT @limit
            """,
            (violation, hop) => new FlaggedTransfer(violation, hop),
            new { code = ViolationCodes.NoConsent, (after ?? PageKey.Start).Index, limit },
            splitOn: "hop_id").ConfigureAwait(false);
        return RowPage<FlaggedTransfer>.Of(rows.AsList(), limit, r => new PageKey(0, r.Violation.EntryIndex));
    }

    /// <summary>Hops only one side reported, oldest first.</summary>
    public async Task<RowPage<HopRow>> UnconfirmedHopsAsync(PageKey? after, int limit)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var rows = await connection.QueryAsync<HopRow>(
            """
            SELECT * FROM hops
            WHERE (received_index IS NULL OR transfer_index IS NULL) AND hop_id > @Index
            ORDER BY hop_id LIMIT @limit
            """,
            new { (after ?? PageKey.Start).Index, limit }).ConfigureAwait(false);
        return RowPage<HopRow>.Of(rows.AsList(), limit, r => new PageKey(0, r.HopId));
    }

    /// <summary>Obligations whose deadline passed without a deletion, by deadline.</summary>
    public async Task<RowPage<ObligationRow>> OverdueObligationsAsync(PageKey? after, int limit)
    {
        var from = after ?? PageKey.Start;
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var rows = await connection.QueryAsync<ObligationRow>(
            """
            SELECT * FROM obligations
            WHERE status = 'overdue' AND (due_at_ms, due_index) > (@Order, @Index)
            ORDER BY due_at_ms, due_index LIMIT @limit
            """,
            new { from.Order, from.Index, limit }).ConfigureAwait(false);
        return RowPage<ObligationRow>.Of(rows.AsList(), limit, r => new PageKey(r.DueAtMs, r.DueIndex));
    }

    /// <summary>Registered providers that declared a profile, each with its latest version, in the order they registered.</summary>
    public async Task<RowPage<CurrentProfile>> CurrentProfilesAsync(PageKey? after, int limit)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var rows = await connection.QueryAsync<ProviderRow, ProfileRow, CurrentProfile>(
            """
            SELECT p.*, f.* FROM providers p
            JOIN provider_profiles f ON f.provider_id = p.provider_id
            WHERE p.registered_index > @Index
              AND f.version = (SELECT MAX(l.version) FROM provider_profiles l WHERE l.provider_id = p.provider_id)
            ORDER BY p.registered_index LIMIT @limit
            """,
            (provider, profile) => new CurrentProfile(provider, profile),
            new { (after ?? PageKey.Start).Index, limit },
            splitOn: "version").ConfigureAwait(false);
        return RowPage<CurrentProfile>.Of(rows.AsList(), limit, r => new PageKey(0, r.Provider.RegisteredIndex));
    }

    /// <summary>
    /// The hops <paramref name="sender"/> reported making from <paramref name="fromMs"/> (inclusive)
    /// to <paramref name="untilMs"/> (exclusive), by time, each with its recipient.
    /// </summary>
    public async Task<RowPage<CounterpartyHop>> ProvisionsAsync(string sender, long fromMs, long untilMs, PageKey? after, int limit)
    {
        var from = after ?? PageKey.Start;
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var rows = await connection.QueryAsync<HopRow, ProviderRow, CounterpartyHop>(
            """
            SELECT h.*, p.* FROM hops h
            JOIN providers p ON p.provider_id = h.recipient
            WHERE h.sender = @sender AND h.transferred_at_ms >= @fromMs AND h.transferred_at_ms < @untilMs
              AND (h.transferred_at_ms, h.hop_id) > (@Order, @Index)
            ORDER BY h.transferred_at_ms, h.hop_id LIMIT @limit
            """,
            (hop, recipient) => new CounterpartyHop(hop, recipient),
            new { sender, fromMs, untilMs, from.Order, from.Index, limit },
            splitOn: "provider_id").ConfigureAwait(false);
        return RowPage<CounterpartyHop>.Of(rows.AsList(), limit, r => new PageKey(r.Hop.TransferredAtMs!.Value, r.Hop.HopId));
    }

    /// <summary>
    /// The hops <paramref name="recipient"/> reported receiving from <paramref name="fromMs"/> (inclusive)
    /// to <paramref name="untilMs"/> (exclusive), by time, each with its sender.
    /// </summary>
    public async Task<RowPage<CounterpartyHop>> ReceiptsAsync(string recipient, long fromMs, long untilMs, PageKey? after, int limit)
    {
        var from = after ?? PageKey.Start;
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var rows = await connection.QueryAsync<HopRow, ProviderRow, CounterpartyHop>(
            """
            SELECT h.*, p.* FROM hops h
            JOIN providers p ON p.provider_id = h.sender
            WHERE h.recipient = @recipient AND h.received_at_ms >= @fromMs AND h.received_at_ms < @untilMs
              AND (h.received_at_ms, h.hop_id) > (@Order, @Index)
            ORDER BY h.received_at_ms, h.hop_id LIMIT @limit
            """,
            (hop, sender) => new CounterpartyHop(hop, sender),
            new { recipient, fromMs, untilMs, from.Order, from.Index, limit },
            splitOn: "provider_id").ConfigureAwait(false);
        return RowPage<CounterpartyHop>.Of(rows.AsList(), limit, r => new PageKey(r.Hop.ReceivedAtMs!.Value, r.Hop.HopId));
    }
}

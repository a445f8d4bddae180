using Dapper;

namespace DataCustody.Storage.Custody;

/// <summary>Reads of the custody projections: what grains load on activation and what sweeps look for.</summary>
public sealed class CustodyQueries(Database database)
{
    /// <summary>Everything the broker knows about one provider.</summary>
    public sealed record ProviderState(
        ProviderRow? Provider,
        IReadOnlyList<ProviderKeyRow> Keys,
        IReadOnlyList<ProfileRow> Profiles,
        IReadOnlyList<TermsRow> Terms);

    /// <summary>Everything recorded under a set of handles (one person's).</summary>
    public sealed record HandleState(
        IReadOnlyList<ConsentRow> Consents,
        IReadOnlyList<ConsentRequestRow> Requests,
        IReadOnlyList<HopRow> Hops,
        IReadOnlyList<HoldingRow> Holdings,
        IReadOnlyList<ObligationRow> Obligations);

    public async Task<ProviderState> ProviderAsync(string providerId)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var parameters = new { providerId };
        var provider = await connection.QuerySingleOrDefaultAsync<ProviderRow>("SELECT * FROM providers WHERE provider_id = @providerId", parameters).ConfigureAwait(false);
        var keys = await connection.QueryAsync<ProviderKeyRow>("SELECT * FROM provider_keys WHERE provider_id = @providerId ORDER BY added_index", parameters).ConfigureAwait(false);
        var profiles = await connection.QueryAsync<ProfileRow>("SELECT * FROM provider_profiles WHERE provider_id = @providerId ORDER BY version", parameters).ConfigureAwait(false);
        var terms = await connection.QueryAsync<TermsRow>("SELECT * FROM provider_terms WHERE provider_id = @providerId ORDER BY version", parameters).ConfigureAwait(false);
        return new ProviderState(provider, keys.AsList(), profiles.AsList(), terms.AsList());
    }

    /// <param name="handlesByProvider">The person's handle at each provider.</param>
    public async Task<HandleState> HandlesAsync(IReadOnlyDictionary<string, string> handlesByProvider)
    {
        ArgumentNullException.ThrowIfNull(handlesByProvider);
        if (handlesByProvider.Count == 0)
        {
            return new HandleState([], [], [], [], []);
        }
        var dialect = database.Dialect;
        var parameters = new { handles = dialect.ListOf(handlesByProvider.Values), holders = dialect.ListOf(handlesByProvider.Keys) };
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var consents = await connection.QueryAsync<ConsentRow>($"SELECT * FROM consents WHERE {dialect.InList("handle", "handles")} ORDER BY granted_index", parameters).ConfigureAwait(false);
        var requests = await connection.QueryAsync<ConsentRequestRow>($"SELECT * FROM consent_requests WHERE {dialect.InList("handle", "handles")} ORDER BY requested_index", parameters).ConfigureAwait(false);
        var hops = await connection.QueryAsync<HopRow>(
            $"SELECT * FROM hops WHERE {dialect.InList("sender_handle", "handles")} OR {dialect.InList("recipient_handle", "handles")} ORDER BY hop_id", parameters).ConfigureAwait(false);
        // A copy is recorded under its holder's handle, so pairing every holder with every handle finds only the
        // person's copies, and both lead the primary key.
        var holdings = await connection.QueryAsync<HoldingRow>(
            $"SELECT * FROM holdings WHERE {dialect.InList("holder", "holders")} AND {dialect.InList("handle", "handles")} ORDER BY acquired_index", parameters).ConfigureAwait(false);
        var obligations = await connection.QueryAsync<ObligationRow>($"SELECT * FROM obligations WHERE {dialect.InList("handle", "handles")} ORDER BY due_index", parameters).ConfigureAwait(false);
        return new HandleState(consents.AsList(), requests.AsList(), hops.AsList(), holdings.AsList(), obligations.AsList());
    }

    /// <summary>The idempotency records of those of a provider's statement ids that were recorded, by id.</summary>
    public async Task<IReadOnlyDictionary<string, StatementRow>> StatementsAsync(string providerId, IReadOnlyCollection<string> statementIds)
    {
        if (statementIds.Count == 0)
        {
            return new Dictionary<string, StatementRow>();
        }
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var rows = await connection.QueryAsync<StatementRow>(
            $"SELECT * FROM statements WHERE provider_id = @providerId AND {database.Dialect.InList("statement_id", "statementIds")}",
            new { providerId, statementIds = database.Dialect.ListOf(statementIds) }).ConfigureAwait(false);
        return rows.ToDictionary(r => r.StatementId, StringComparer.Ordinal);
    }

    /// <summary>The consents held by <paramref name="holder"/>, any status, in the order granted.</summary>
    public async Task<IReadOnlyList<ConsentRow>> ConsentsHeldAsync(string holder)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var rows = await connection.QueryAsync<ConsentRow>(
            "SELECT * FROM consents WHERE holder = @holder ORDER BY granted_index", new { holder }).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>A provider's obligations that are not answered yet.</summary>
    public async Task<IReadOnlyList<ObligationRow>> OpenObligationsAsync(string holder)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var rows = await connection.QueryAsync<ObligationRow>(
            "SELECT * FROM obligations WHERE holder = @holder AND status <> 'answered' ORDER BY due_at_ms", new { holder }).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>Obligations still due whose deadline has passed.</summary>
    public async Task<IReadOnlyList<ObligationRow>> PastDeadlineAsync(long nowMs, int limit)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var rows = await connection.QueryAsync<ObligationRow>(
            "SELECT * FROM obligations WHERE status = 'due' AND due_at_ms <= @nowMs ORDER BY due_at_ms LIMIT @limit", new { nowMs, limit }).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>Active consents whose expiry has passed.</summary>
    public async Task<IReadOnlyList<ConsentRow>> ExpiredAsync(long nowMs, int limit)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var rows = await connection.QueryAsync<ConsentRow>(
            "SELECT * FROM consents WHERE status = 'active' AND expires_at_ms <= @nowMs ORDER BY expires_at_ms LIMIT @limit", new { nowMs, limit }).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>Every violation a provider's statements were flagged with, in log order.</summary>
    public async Task<IReadOnlyList<ViolationRow>> ViolationsAsync(string providerId)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var rows = await connection.QueryAsync<ViolationRow>(
            "SELECT * FROM violations WHERE provider_id = @providerId ORDER BY entry_index", new { providerId }).ConfigureAwait(false);
        return rows.AsList();
    }
}

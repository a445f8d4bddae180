using Dapper;

namespace DataCustody.Storage.Custody;

/// <summary>Reads of the breach projections.</summary>
public sealed class BreachQueries(Database database)
{
    /// <summary>A breach and every entry about it, oldest first; null when no breach has the id.</summary>
    public async Task<(BreachRow Breach, IReadOnlyList<BreachEntryRow> Entries)?> BreachAsync(string breachId)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var breach = await connection.QuerySingleOrDefaultAsync<BreachRow>("SELECT * FROM breaches WHERE breach_id = @breachId", new { breachId }).ConfigureAwait(false);
        if (breach is null)
        {
            return null;
        }
        var entries = await connection.QueryAsync<BreachEntryRow>(
            "SELECT * FROM breach_entries WHERE breach_id = @breachId ORDER BY entry_index", new { breachId }).ConfigureAwait(false);
        return (breach, entries.AsList());
    }

    /// <summary>Breaches, newest first: all of them, or those at <paramref name="holder"/>.</summary>
    public async Task<IReadOnlyList<BreachRow>> ListAsync(string? holder, int limit)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var rows = await connection.QueryAsync<BreachRow>(
            "SELECT * FROM breaches WHERE @holder IS NULL OR holder = @holder ORDER BY filed_index DESC LIMIT @limit",
            new { holder, limit }).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>The review obligations on <paramref name="holder"/>, oldest first.</summary>
    public async Task<IReadOnlyList<BreachReviewRow>> ReviewsOfAsync(string holder)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var rows = await connection.QueryAsync<BreachReviewRow>(
            "SELECT * FROM breach_reviews WHERE holder = @holder ORDER BY due_index", new { holder }).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>The review obligation <paramref name="obligationId"/>, or null when there is none.</summary>
    public async Task<BreachReviewRow?> ReviewAsync(string obligationId)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<BreachReviewRow>(
            "SELECT * FROM breach_reviews WHERE obligation_id = @obligationId", new { obligationId }).ConfigureAwait(false);
    }

    /// <summary>The providers that got a review obligation for <paramref name="breachId"/>.</summary>
    public async Task<IReadOnlyList<string>> ReviewersAsync(string breachId)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var rows = await connection.QueryAsync<string>(
            "SELECT holder FROM breach_reviews WHERE breach_id = @breachId", new { breachId }).ConfigureAwait(false);
        return rows.AsList();
    }
}

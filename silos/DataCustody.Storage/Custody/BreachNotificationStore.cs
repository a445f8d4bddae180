using Dapper;

namespace DataCustody.Storage.Custody;

/// <summary>
/// What a breach's assessment told and to whom: the affected people's inbox messages and the affected handles
/// per holder. Private to the broker like the inbox: the log carries the report's figures, not the people.
/// </summary>
public sealed class BreachNotificationStore(Database database)
{
    /// <summary>
    /// Stores, in one transaction, the affected handles of the assessment at <paramref name="assessmentIndex"/>
    /// in place of the breach's earlier list, and the messages as they arrive in batches. A message whose id is
    /// stored already is left as it is, so assessing a breach again tells nobody twice. Returns how many messages were new.
    /// </summary>
    public async Task<int> StoreAsync(
        string breachId, long assessmentIndex, IReadOnlyList<AffectedHandleRow> handles, IAsyncEnumerable<IReadOnlyList<InboxStore.Message>> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handles);
        ArgumentNullException.ThrowIfNull(messages);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // The messages commit with this breach's row below: without the row no message about the breach was ever
        // stored, so the first assessment's messages are all new.
        var firstAssessment = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT assessment_index FROM breach_notifications WHERE breach_id = @breachId", new { breachId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) is null;
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM breach_affected_handles WHERE breach_id = @breachId", new { breachId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await database.Dialect.InsertAffectedHandlesAsync(connection, transaction, breachId, handles, cancellationToken).ConfigureAwait(false);
        var added = 0;
        await foreach (var batch in messages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            added += await database.Dialect.InsertInboxMessagesAsync(connection, transaction, batch, firstAssessment, cancellationToken).ConfigureAwait(false);
        }
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO breach_notifications (breach_id, assessment_index, stored_at_ms) VALUES (@breachId, @assessmentIndex, @storedAtMs)
            ON CONFLICT (breach_id) DO UPDATE SET assessment_index = excluded.assessment_index, stored_at_ms = excluded.stored_at_ms
            """,
            new { breachId, assessmentIndex, storedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    /// <summary>
    /// The affected handles of the breach's latest stored assessment, ordered by holder, role and handle (ordinal),
    /// with that assessment's index; null when no assessment of the breach was stored.
    /// </summary>
    public async Task<(long AssessmentIndex, IReadOnlyList<AffectedHandleRow> Handles)?> AffectedHandlesAsync(string breachId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // One statement, so that the list is the one of the index even while the breach is assessed again.
        var rows = (await connection.QueryAsync<(long AssessmentIndex, string? Holder, string? Role, string? Handle, string? Categories)>(new CommandDefinition(
            """
            SELECT n.assessment_index, h.holder, h.role, h.handle, h.categories
            FROM breach_notifications n LEFT JOIN breach_affected_handles h ON h.breach_id = n.breach_id
            WHERE n.breach_id = @breachId
            ORDER BY h.holder, h.role, h.handle
            """,
            new { breachId }, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        if (rows.Count == 0)
        {
            return null;
        }
        IReadOnlyList<AffectedHandleRow> handles = rows[0].Holder is null
            ? []
            : rows.ConvertAll(r => new AffectedHandleRow { Holder = r.Holder!, Role = r.Role!, Handle = r.Handle!, Categories = r.Categories! });
        return (rows[0].AssessmentIndex, handles);
    }
}

using System.Text.Json;
using Dapper;

namespace DataCustody.Storage.Custody;

/// <summary>
/// What a breach's assessment told and to whom: the affected people's inbox messages and the affected handles
/// per holder. Private to the broker like the inbox: the log carries the report's figures, not the people.
/// </summary>
public sealed class BreachNotificationStore(Database database)
{
    /// <summary>
    /// Stores, in one transaction, the messages as they arrive in batches and the affected handles of the assessment
    /// at <paramref name="assessmentIndex"/> in place of the breach's earlier list. A message whose id is stored
    /// already is left as it is, so assessing a breach again tells nobody twice. Returns how many messages were new.
    /// </summary>
    public async Task<int> StoreAsync(
        string breachId, long assessmentIndex, IReadOnlyList<AffectedHandleRow> handles, IAsyncEnumerable<IReadOnlyList<InboxStore.Message>> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handles);
        ArgumentNullException.ThrowIfNull(messages);
        var affectedHandles = JsonSerializer.Serialize(handles.Select(h => new[] { h.Holder, h.Role, h.Handle, h.Categories }));
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // The messages commit with this breach's row below: without the row no message about the breach was ever
        // stored, so the first assessment's messages are all new.
        var firstAssessment = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT assessment_index FROM breach_notifications WHERE breach_id = @breachId", new { breachId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) is null;
        var added = 0;
        await foreach (var batch in messages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            added += await database.Dialect.InsertInboxMessagesAsync(connection, transaction, batch, firstAssessment, cancellationToken).ConfigureAwait(false);
        }
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO breach_notifications (breach_id, assessment_index, stored_at_ms, affected_handles)
            VALUES (@breachId, @assessmentIndex, @storedAtMs, @affectedHandles)
            ON CONFLICT (breach_id) DO UPDATE
            SET assessment_index = excluded.assessment_index, stored_at_ms = excluded.stored_at_ms, affected_handles = excluded.affected_handles
            """,
            new { breachId, assessmentIndex, storedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), affectedHandles },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    /// <summary>
    /// The affected handles of the breach's latest stored assessment, in the order they were stored, with that
    /// assessment's index; null when no assessment of the breach was stored.
    /// </summary>
    public async Task<(long AssessmentIndex, IReadOnlyList<AffectedHandleRow> Handles)?> AffectedHandlesAsync(string breachId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var stored = await connection.QuerySingleOrDefaultAsync<(long AssessmentIndex, string AffectedHandles)?>(new CommandDefinition(
            "SELECT assessment_index, affected_handles FROM breach_notifications WHERE breach_id = @breachId",
            new { breachId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (stored is not { } row)
        {
            return null;
        }
        var handles = JsonSerializer.Deserialize<string[][]>(row.AffectedHandles) ?? [];
        return (row.AssessmentIndex, [.. handles.Select(h => new AffectedHandleRow { Holder = h[0], Role = h[1], Handle = h[2], Categories = h[3] })]);
    }
}

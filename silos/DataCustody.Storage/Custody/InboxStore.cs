using Dapper;

namespace DataCustody.Storage.Custody;

/// <summary>Messages to people about their data. Private to the broker: messages name the person, so they never enter the log.</summary>
public sealed class InboxStore(Database database)
{
    /// <summary>One stored message.</summary>
    public sealed record Message(string MessageId, string PersonId, long CreatedAtMs, string Kind, string Title, string Body, long? EntryIndex);

    /// <summary>Stores a message.</summary>
    public Task AddAsync(Message message) => AddOnceAsync(new IReadOnlyList<Message>[] { [message] }.ToAsyncEnumerable());

    /// <summary>
    /// Stores messages that arrive in batches, all in one transaction; a message whose id is stored already is
    /// left as it is, so a repeated run (a breach assessed again) tells nobody twice. Returns how many were new.
    /// </summary>
    public async Task<int> AddOnceAsync(IAsyncEnumerable<IReadOnlyList<Message>> batches, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var added = 0;
        await foreach (var batch in batches.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            added += await database.Dialect.InsertInboxMessagesAsync(connection, transaction, batch, cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    /// <summary>The person's messages, newest first.</summary>
    public async Task<IReadOnlyList<Message>> ListAsync(string personId, int limit = 200)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var rows = await connection.QueryAsync<Message>(
            "SELECT message_id, person_id, created_at_ms, kind, title, body, entry_index FROM inbox WHERE person_id = @personId ORDER BY created_at_ms DESC, message_id LIMIT @limit",
            new { personId, limit }).ConfigureAwait(false);
        return rows.AsList();
    }
}

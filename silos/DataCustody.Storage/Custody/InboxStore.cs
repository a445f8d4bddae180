using Dapper;

namespace DataCustody.Storage.Custody;

/// <summary>Messages to people about their data. Private to the broker: messages name the person, so they never enter the log.</summary>
public sealed class InboxStore(Database database)
{
    /// <summary>One stored message.</summary>
    public sealed record Message(string MessageId, string PersonId, long CreatedAtMs, string Kind, string Title, string Body, long? EntryIndex);

    /// <summary>Stores a message.</summary>
    public async Task AddAsync(Message message)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await database.Dialect.InsertInboxMessagesAsync(connection, transaction, [message], allNew: false, CancellationToken.None).ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
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

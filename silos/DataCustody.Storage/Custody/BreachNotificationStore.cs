using System.IO.Compression;
using System.Text.Json;
using Dapper;

namespace DataCustody.Storage.Custody;

/// <summary>
/// What a breach's assessment told and to whom: the affected people's inbox messages and the affected handles
/// per holder. Private to the broker like the inbox: the log carries the report's figures, not the people.
/// Written through <paramref name="writer"/>, a transaction per batch of messages: a large holder's breach tells
/// hundreds of thousands of people, and one transaction for all of them would hold SQLite's one write lock from the
/// first message to the last, while the log's appends waited for it and failed once they had waited longer than
/// SQLite lets them.
/// </summary>
public sealed class BreachNotificationStore(Database database, WriterConnection writer)
{
    /// <summary>
    /// Stores the messages as they arrive, each batch in a transaction of its own taken in turn with the log's
    /// appends, and then the affected handles of the assessment at <paramref name="assessmentIndex"/> in place of
    /// the breach's earlier list. A message whose id is stored already is left as it is, so assessing a breach
    /// again tells nobody twice, also after an assessment that failed part way. The affected handles may still be
    /// in the making when the messages begin to arrive; if anything fails, the batches stored so far stay and the
    /// earlier list stays the breach's. Returns how many messages were new.
    /// </summary>
    public async Task<int> StoreAsync(
        string breachId, long assessmentIndex, Task<IReadOnlyList<AffectedHandleRow>> handles, IAsyncEnumerable<IReadOnlyList<InboxStore.Message>> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handles);
        ArgumentNullException.ThrowIfNull(messages);
        // Made beside the messages' inserts, as soon as the list is made: at a large holder's breach each takes the
        // better part of a second.
        var affectedHandles = Task.Run(async () => Document(await handles.ConfigureAwait(false)), cancellationToken);
        bool? allNew = null;
        var added = 0;
        await foreach (var batch in messages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await writer.WriteAsync(async connection =>
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                // Listed with the first message ever stored about the breach: if it was not listed, none was.
                allNew ??= await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO breach_messages_begun (breach_id) VALUES (@breachId) ON CONFLICT (breach_id) DO NOTHING",
                    new { breachId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
                added += await database.Dialect.InsertInboxMessagesAsync(connection, transaction, batch, allNew.Value, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
        // Awaited before the writer's turn, which the log's appends would otherwise wait for too.
        var document = await affectedHandles.ConfigureAwait(false);
        await writer.WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO breach_notifications (breach_id, assessment_index, stored_at_ms, affected_handles)
            VALUES (@breachId, @assessmentIndex, @storedAtMs, @affectedHandles)
            ON CONFLICT (breach_id) DO UPDATE
            SET assessment_index = excluded.assessment_index, stored_at_ms = excluded.stored_at_ms, affected_handles = excluded.affected_handles
            """,
            new { breachId, assessmentIndex, storedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), affectedHandles = document },
            cancellationToken: cancellationToken)), cancellationToken).ConfigureAwait(false);
        return added;
    }

    // Written value by value: the serializer's converters and an array per row cost several times more at the
    // hundreds of thousands of rows of a large holder's breach. Deflated on the way: the list repeats a few holders,
    // roles and categories, and shrinks several times, which the database writes and reads back sooner than it
    // would the JSON.
    private static byte[] Document(IReadOnlyList<AffectedHandleRow> handles)
    {
        using var document = new MemoryStream();
        using (var deflated = new ZLibStream(document, CompressionLevel.Fastest, leaveOpen: true))
        using (var json = new Utf8JsonWriter(deflated))
        {
            json.WriteStartArray();
            foreach (var row in handles)
            {
                json.WriteStartArray();
                json.WriteStringValue(row.Holder);
                json.WriteStringValue(row.Role);
                json.WriteStringValue(row.Handle);
                json.WriteStringValue(row.Categories);
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        return document.ToArray();
    }

    /// <summary>
    /// The affected handles of the breach's latest stored assessment, in the order they were stored, with that
    /// assessment's index; null when no assessment of the breach was stored.
    /// </summary>
    public async Task<(long AssessmentIndex, IReadOnlyList<AffectedHandleRow> Handles)?> AffectedHandlesAsync(string breachId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            "SELECT assessment_index, affected_handles FROM breach_notifications WHERE breach_id = @breachId",
            new { breachId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return (reader.GetInt64(0), Rows(reader.GetFieldValue<byte[]>(1)));
    }

    // Parsed from the UTF-8 it was written as, with no copy of the whole list as text. Rows come sorted by holder and
    // role: each row shares the strings of the one before where they are equal, instead of a hundred thousand
    // copies of the same few names.
    private static List<AffectedHandleRow> Rows(byte[] document)
    {
        using var inflated = new MemoryStream(document.Length * 4);
        using (var deflated = new ZLibStream(new MemoryStream(document), CompressionMode.Decompress))
        {
            deflated.CopyTo(inflated);
        }
        var json = new Utf8JsonReader(inflated.GetBuffer().AsSpan(0, (int)inflated.Length));
        var rows = new List<AffectedHandleRow>();
        json.Read();
        while (json.Read() && json.TokenType == JsonTokenType.StartArray)
        {
            var previous = rows.Count > 0 ? rows[^1] : null;
            json.Read();
            var holder = previous is not null && json.ValueTextEquals(previous.Holder) ? previous.Holder : json.GetString()!;
            json.Read();
            var role = previous is not null && json.ValueTextEquals(previous.Role) ? previous.Role : json.GetString()!;
            json.Read();
            var handle = json.GetString()!;
            json.Read();
            rows.Add(new AffectedHandleRow { Holder = holder, Role = role, Handle = handle, Categories = json.GetString()! });
            json.Read();
        }
        return rows;
    }
}

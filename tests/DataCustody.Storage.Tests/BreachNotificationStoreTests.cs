using System.Text;
using Dapper;
using DataCustody.Storage.Custody;
using DataCustody.Storage.Ledger;
using DataCustody.Transparency.Merkle;

namespace DataCustody.Storage.Tests;

public sealed class BreachNotificationStoreTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>, IDisposable
{
    private const string BreachId = "br_cloudbucket2026";

    private readonly TestDatabases _databases = new(postgres);

    public static TheoryData<StorageProvider> Providers => TestDatabases.Providers;

    public void Dispose() => _databases.Dispose();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_assessment_replaces_the_affected_handles_and_tells_nobody_twice(StorageProvider provider)
    {
        var database = await _databases.CreateAsync(provider);
        await using var writer = new WriterConnection(database);
        var store = new BreachNotificationStore(database, writer);
        Assert.Null(await store.AffectedHandlesAsync(BreachId));

        Assert.Equal(2, await store.StoreAsync(BreachId, 7, Made(Row("backup", "downstream", "h_c"), Row("cloud", "breached", "H_a"), Row("cloud", "breached", "h_b")), Batches(Message("alice"), Message("bob"))));
        var first = (await store.AffectedHandlesAsync(BreachId))!.Value;
        // As the assessment ordered them (ordinal), which no database collation need agree with.
        Assert.Equal(7, first.AssessmentIndex);
        Assert.Equal(["backup h_c", "cloud H_a", "cloud h_b"], first.Handles.Select(h => $"{h.Holder} {h.Handle}"));

        Assert.Equal(1, await store.StoreAsync(BreachId, 9, Made(Row("cloud", "breached", "h_d")), Batches(Message("alice"), Message("carol"))));
        var second = (await store.AffectedHandlesAsync(BreachId))!.Value;
        Assert.Equal((9L, "h_d"), (second.AssessmentIndex, Assert.Single(second.Handles).Handle));
        var inbox = new InboxStore(database);
        Assert.Single(await inbox.ListAsync("alice"));

        // An assessment that affects nobody still says which assessment the (empty) list is of.
        await store.StoreAsync(BreachId, 11, Made(), Batches());
        var nobody = (await store.AffectedHandlesAsync(BreachId))!.Value;
        Assert.Equal((11L, 0), (nobody.AssessmentIndex, nobody.Handles.Count));
    }

    [Fact]
    public async Task The_log_appends_between_two_batches_of_messages_rather_than_after_all_of_them()
    {
        // SQLite has one write lock: a transaction holding it for all of a large breach's messages kept the log's
        // appends waiting until they failed.
        var database = await _databases.CreateAsync(StorageProvider.Sqlite);
        await using var writer = new WriterConnection(database);
        var ledger = new LedgerStore(database, [], writer);
        var store = new BreachNotificationStore(database, writer);
        var inbox = new InboxStore(database);
        var leaf = Encoding.UTF8.GetBytes("appended between the batches");

        async IAsyncEnumerable<IReadOnlyList<InboxStore.Message>> AppendingBetweenBatches()
        {
            await Task.Yield();
            yield return [Message("alice")];
            // The first batch is stored and the assessment is not yet: the log appends now, before the next batch.
            Assert.Single(await inbox.ListAsync("alice"));
            Assert.Null(await store.AffectedHandlesAsync(BreachId));
            // A guard against a hang, not a measure: the append either commits now or waits for the whole store.
            await ledger.AppendAsync(0, [new LedgerEntryRow(0, MerkleHash.Leaf(leaf), leaf)], []).WaitAsync(TimeSpan.FromMinutes(1));
            yield return [Message("bob")];
        }

        Assert.Equal(2, await store.StoreAsync(BreachId, 7, Made(Row("cloud", "breached", "h_a")), AppendingBetweenBatches()));

        Assert.Equal(1, await ledger.ReadSizeAsync());
        Assert.Single(await inbox.ListAsync("bob"));
        Assert.Equal(7, (await store.AffectedHandlesAsync(BreachId))!.Value.AssessmentIndex);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task After_a_first_assessment_failed_part_way_assessing_again_tells_everyone_once(StorageProvider provider)
    {
        var database = await _databases.CreateAsync(provider);
        await using var writer = new WriterConnection(database);
        var store = new BreachNotificationStore(database, writer);
        var inbox = new InboxStore(database);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.StoreAsync(BreachId, 7, Made(Row("cloud", "breached", "h_a")), Failing(Message("alice"))));
        // Alice was told; the assessment was not stored, so its list is not offered as the one of people told.
        Assert.Single(await inbox.ListAsync("alice"));
        Assert.Null(await store.AffectedHandlesAsync(BreachId));

        Assert.Equal(1, await store.StoreAsync(BreachId, 9, Made(Row("cloud", "breached", "h_a"), Row("cloud", "breached", "h_b")), Batches(Message("alice"), Message("bob"))));

        Assert.Single(await inbox.ListAsync("alice"));
        Assert.Single(await inbox.ListAsync("bob"));
        Assert.Equal(9, (await store.AffectedHandlesAsync(BreachId))!.Value.AssessmentIndex);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_failure_while_the_messages_arrive_keeps_the_earlier_assessment_as_the_one_told(StorageProvider provider)
    {
        var database = await _databases.CreateAsync(provider);
        await using var writer = new WriterConnection(database);
        var store = new BreachNotificationStore(database, writer);
        await store.StoreAsync(BreachId, 7, Made(Row("cloud", "breached", "h_a")), Batches(Message("alice")));

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.StoreAsync(BreachId, 9, Made(Row("cloud", "breached", "h_b")), Failing(Message("bob"))));

        var kept = (await store.AffectedHandlesAsync(BreachId))!.Value;
        Assert.Equal((7L, "h_a"), (kept.AssessmentIndex, Assert.Single(kept.Handles).Handle));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_failure_while_the_affected_list_is_made_keeps_the_earlier_assessment_as_the_one_told(StorageProvider provider)
    {
        var database = await _databases.CreateAsync(provider);
        await using var writer = new WriterConnection(database);
        var store = new BreachNotificationStore(database, writer);
        await store.StoreAsync(BreachId, 7, Made(Row("cloud", "breached", "h_a")), Batches(Message("alice")));

        var failed = Task.FromException<IReadOnlyList<AffectedHandleRow>>(new InvalidOperationException("The list could not be made."));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.StoreAsync(BreachId, 9, failed, Batches(Message("bob"))));

        var kept = (await store.AffectedHandlesAsync(BreachId))!.Value;
        Assert.Equal((7L, "h_a"), (kept.AssessmentIndex, Assert.Single(kept.Handles).Handle));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_breach_told_before_the_upgrade_tells_nobody_twice_after_it(StorageProvider provider)
    {
        var database = await _databases.CreateAsync(provider);
        var begun = SchemaMigrator.MigrationsFor(database.Dialect.Name).Single(m => m.Name == "breach_messages_begun");
        await using var writer = new WriterConnection(database);
        var store = new BreachNotificationStore(database, writer);
        await store.StoreAsync(BreachId, 7, Made(Row("cloud", "breached", "h_a")), Batches(Message("alice")));
        // As an earlier version left it: the messages and the breach's row, and no list of breaches begun.
        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync("DROP TABLE breach_messages_begun");
            await connection.ExecuteAsync("DELETE FROM schema_version WHERE version = @Version", new { begun.Version });
        }

        await SchemaMigrator.MigrateAsync(database);

        Assert.Equal(1, await store.StoreAsync(BreachId, 9, Made(Row("cloud", "breached", "h_a")), Batches(Message("alice"), Message("bob"))));
        Assert.Single(await new InboxStore(database).ListAsync("alice"));
    }

    private static Task<IReadOnlyList<AffectedHandleRow>> Made(params AffectedHandleRow[] rows) => Task.FromResult<IReadOnlyList<AffectedHandleRow>>(rows);

    private static AffectedHandleRow Row(string holder, string role, string handle) =>
        new() { Holder = holder, Role = role, Handle = handle, Categories = "user.name" };

    private static InboxStore.Message Message(string personId) =>
        new($"msg_{BreachId}_{personId}", personId, 1_780_000_000_000, "breach", "A security incident", "What happened.", 7);

    private static async IAsyncEnumerable<IReadOnlyList<InboxStore.Message>> Batches(params InboxStore.Message[] messages)
    {
        await Task.Yield();
        foreach (var message in messages)
        {
            yield return [message];
        }
    }

    // One batch arrives, then writing the next one fails.
    private static async IAsyncEnumerable<IReadOnlyList<InboxStore.Message>> Failing(InboxStore.Message message)
    {
        await Task.Yield();
        yield return [message];
        throw new InvalidOperationException("Writing the next message failed.");
    }
}

using DataCustody.Storage.Custody;

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
        var store = new BreachNotificationStore(database);
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

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_failure_while_the_messages_arrive_stores_nothing(StorageProvider provider)
    {
        var database = await _databases.CreateAsync(provider);
        var store = new BreachNotificationStore(database);
        await store.StoreAsync(BreachId, 7, Made(Row("cloud", "breached", "h_a")), Batches(Message("alice")));

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.StoreAsync(BreachId, 9, Made(Row("cloud", "breached", "h_b")), Failing(Message("bob"))));

        var kept = (await store.AffectedHandlesAsync(BreachId))!.Value;
        Assert.Equal((7L, "h_a"), (kept.AssessmentIndex, Assert.Single(kept.Handles).Handle));
        Assert.Empty(await new InboxStore(database).ListAsync("bob"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_failure_while_the_affected_list_is_made_stores_nothing(StorageProvider provider)
    {
        var database = await _databases.CreateAsync(provider);
        var store = new BreachNotificationStore(database);
        await store.StoreAsync(BreachId, 7, Made(Row("cloud", "breached", "h_a")), Batches(Message("alice")));

        var failed = Task.FromException<IReadOnlyList<AffectedHandleRow>>(new InvalidOperationException("The list could not be made."));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.StoreAsync(BreachId, 9, failed, Batches(Message("bob"))));

        var kept = (await store.AffectedHandlesAsync(BreachId))!.Value;
        Assert.Equal((7L, "h_a"), (kept.AssessmentIndex, Assert.Single(kept.Handles).Handle));
        Assert.Empty(await new InboxStore(database).ListAsync("bob"));
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

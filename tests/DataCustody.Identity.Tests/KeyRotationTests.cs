using Dapper;
using DataCustody.Identity.Configuration;
using DataCustody.Identity.Storage;
using DataCustody.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DataCustody.Identity.Tests;

/// <summary>The keyrings of nodes sharing one database, on a clock the test moves.</summary>
public sealed class KeyRotationTests(KeyringDatabases databases) : IClassFixture<KeyringDatabases>
{
    private static readonly IdentitySettings Settings = new()
    {
        KeyRotation = TimeSpan.FromDays(90),
        KeyAnnouncement = TimeSpan.FromDays(1),
        // Long, so that moving the clock by months fires a few hundred checks rather than tens of thousands.
        KeyCheckInterval = TimeSpan.FromHours(12),
    };

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static TheoryData<StorageProvider> Providers => KeyringDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task New_keys_are_read_by_every_node_a_day_before_use_and_the_old_ones_deleted_when_their_tokens_expired(StorageProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        using var first = await StartNodeAsync(database);
        using var second = await StartNodeAsync(database);
        var original = (Signing: Assert.Single(KeyIds(first)), Encryption: Assert.Single(EncryptionKeyIds(first)));
        var changed = first.KeysChanged;

        // A day before the rotation: both nodes hold the new keys, and still use the originals.
        await AdvanceAsync(TimeSpan.FromDays(89), first, second);
        Assert.True(changed.HasChanged, "the provider was not told of the new keys");
        var successor = (Signing: KeyIds(first)[1], Encryption: EncryptionKeyIds(first)[1]);
        Assert.NotEqual(original, successor);
        foreach (var node in new[] { first, second })
        {
            Assert.Equal([original.Signing, successor.Signing], KeyIds(node));
            Assert.Equal([original.Encryption, successor.Encryption], EncryptionKeyIds(node));
        }

        // At the rotation the new keys are used on both nodes; the originals still read what was made with them.
        await AdvanceAsync(TimeSpan.FromDays(1), first, second);
        foreach (var node in new[] { first, second })
        {
            Assert.Equal([successor.Signing, original.Signing], KeyIds(node));
            Assert.Equal([successor.Encryption, original.Encryption], EncryptionKeyIds(node));
        }

        // Once the longest-lived token made with the originals (a refresh token, 14 days) has expired, they are gone.
        await AdvanceAsync(TimeSpan.FromDays(14), first, second);
        foreach (var node in new[] { first, second })
        {
            Assert.Equal([successor.Signing], KeyIds(node));
            Assert.Equal([successor.Encryption], EncryptionKeyIds(node));
        }
        await using var connection = await database.OpenAsync();
        Assert.Equal([2L], await connection.QueryAsync<long>("SELECT generation FROM identity_signing_keys"));
        Assert.Equal([2L], await connection.QueryAsync<long>("SELECT generation FROM identity_encryption_keys"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Nodes_that_find_the_next_key_due_at_once_store_one_key(StorageProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        using var first = await StartNodeAsync(database);
        using var second = await StartNodeAsync(database);

        _clock.Advance(TimeSpan.FromDays(89));
        await Task.WhenAll(first.RefreshAsync(CancellationToken.None), second.RefreshAsync(CancellationToken.None));
        await second.RefreshAsync(CancellationToken.None);
        await first.RefreshAsync(CancellationToken.None);

        Assert.Equal(2, KeyIds(first).Count);
        Assert.Equal(KeyIds(first), KeyIds(second));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Nodes_starting_together_on_an_empty_database_sign_with_the_same_key(StorageProvider provider)
    {
        var database = await databases.CreateAsync(provider);
        var nodes = await Task.WhenAll(StartNodeAsync(database), StartNodeAsync(database), StartNodeAsync(database));
        try
        {
            var signing = Assert.Single(KeyIds(nodes[0]));

            Assert.All(nodes, node => Assert.Equal([signing], KeyIds(node)));
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_check_that_changes_nothing_does_not_rebuild_the_provider()
    {
        using var node = await StartNodeAsync(await databases.CreateAsync(StorageProvider.Sqlite));
        var changed = node.KeysChanged;

        await AdvanceAsync(TimeSpan.FromDays(30), node);

        Assert.False(changed.HasChanged);
    }

    private async Task<IdentityKeyring> StartNodeAsync(Database database)
    {
        var keyring = new IdentityKeyring(database, Options.Create(Settings), _clock, NullLogger<IdentityKeyring>.Instance);
        await keyring.StartAsync(CancellationToken.None);
        return keyring;
    }

    // The nodes' timers fire as the clock moves; the test then waits for a check of its own on each node.
    private async Task AdvanceAsync(TimeSpan by, params IdentityKeyring[] nodes)
    {
        _clock.Advance(by);
        foreach (var node in nodes)
        {
            await node.RefreshAsync(CancellationToken.None);
        }
    }

    private static List<string> KeyIds(IdentityKeyring keyring) => [.. keyring.SigningCredentials.Select(c => c.Key.KeyId)];

    private static List<string> EncryptionKeyIds(IdentityKeyring keyring) => [.. keyring.EncryptionCredentials.Select(c => c.Key.KeyId)];
}

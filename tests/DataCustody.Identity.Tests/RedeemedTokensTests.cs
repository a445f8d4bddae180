using Dapper;
using DataCustody.Identity.Storage;
using DataCustody.Storage;
using DataCustody.Storage.Dialects;
using Microsoft.Extensions.Time.Testing;

namespace DataCustody.Identity.Tests;

/// <summary>The shared record of redeemed codes, on nodes whose clocks disagree.</summary>
public sealed class RedeemedTokensTests : IDisposable
{
    private static readonly DateTimeOffset Issued = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);
    private readonly string _folder = Directory.CreateTempSubdirectory("datacustody-identity-").FullName;

    [Fact]
    public async Task A_node_running_behind_still_finds_a_code_redeemed_after_a_node_ahead_saw_it_expire()
    {
        var database = new Database(new SqliteDialect(), $"Data Source={Path.Combine(_folder, "identity.db")};Pooling=False");
        await SchemaMigrator.MigrateAsync(database, CancellationToken.None);
        var behindClock = new FakeTimeProvider(Issued);
        var aheadClock = new FakeTimeProvider(Issued + TimeSpan.FromMinutes(4));
        var behind = new RedeemedTokens(database, behindClock);
        var ahead = new RedeemedTokens(database, aheadClock);
        var expiry = Issued + CodeLifetime;

        var first = await behind.TryRedeemAsync("code", expiry, CancellationToken.None);
        // The node ahead is past the code's expiry by its own clock when it next redeems something.
        aheadClock.Advance(TimeSpan.FromMinutes(2));
        await ahead.TryRedeemAsync("another code", aheadClock.GetUtcNow() + CodeLifetime, CancellationToken.None);
        // By the clock of the node behind, the code is still valid: only the record can refuse it.
        behindClock.Advance(TimeSpan.FromMinutes(2));
        var again = await behind.TryRedeemAsync("code", expiry, CancellationToken.None);
        // Long after, the record goes.
        aheadClock.Advance(TimeSpan.FromHours(1));
        await ahead.TryRedeemAsync("a third code", aheadClock.GetUtcNow() + CodeLifetime, CancellationToken.None);

        Assert.True(first);
        Assert.False(again);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM identity_redeemed_tokens"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

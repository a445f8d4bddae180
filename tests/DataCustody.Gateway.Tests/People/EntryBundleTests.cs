using System.Globalization;
using System.Net;
using DataCustody.Transparency.Merkle;
using DataCustody.Transparency.Tiles;

namespace DataCustody.Gateway.Tests.People;

/// <summary>
/// C2SP tlog-tiles entry bundles for the regulator and the auditor: the leaves, each after a
/// big-endian uint16 length, whose hashes are exactly the level-0 hash tile.
/// </summary>
[Collection(GatewayApiCollection.Name)]
public sealed class EntryBundleTests(GatewayApiFixture fixture)
{
    [Fact]
    public async Task A_full_bundle_holds_the_256_leaves_of_the_hash_tile_and_is_immutable()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        // Enough entries for a full first bundle, in one batch.
        await shop.SubmitAsync([.. Enumerable.Range(0, 256).Select(_ => shop.Sign(shop.Profile(TestProvider.NewId("bundle"))))]);
        var audrey = await fixture.PersonClientAsync("audrey");

        using var response = await audrey.GetAsync("log/v1/tile/entries/000");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.Private);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        var leaves = Split(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(256, leaves.Count);

        var tile = await fixture.Anonymous.GetByteArrayAsync("log/v1/tile/0/000");
        Assert.Equal(tile, leaves.SelectMany(leaf => MerkleHash.Leaf(leaf)).ToArray());
    }

    [Fact]
    public async Task A_partial_bundle_matches_the_partial_hash_tile_and_nothing_beyond_the_log_is_served()
    {
        var shop = await fixture.RegisteredProviderAsync("shop");
        var last = await shop.RecordMarkerAsync();
        var regina = await fixture.PersonClientAsync("regina");
        // A partial first bundle that certainly exists: the log holds at least last + 1 entries.
        var width = (int)Math.Clamp(last, 1, 255);
        var suffix = ".p/" + width.ToString(CultureInfo.InvariantCulture);

        using var response = await regina.GetAsync("log/v1/tile/entries/000" + suffix);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.Private);
        Assert.True(response.Headers.CacheControl?.NoCache);
        var leaves = Split(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(width, leaves.Count);
        var tile = await fixture.Anonymous.GetByteArrayAsync("log/v1/tile/0/000" + suffix);
        Assert.Equal(tile, leaves.SelectMany(leaf => MerkleHash.Leaf(leaf)).ToArray());

        // Far beyond the log: a problem, not an empty bundle.
        using var beyond = await regina.GetAsync("log/v1/tile/entries/x999/999");
        await Problems.AssertAsync(beyond, HttpStatusCode.NotFound);
        // Beyond any log: a tile index whose first position does not fit in 64 bits.
        using var beyondAnyLog = await regina.GetAsync("log/v1/tile/entries/x100/x000/x000/x000/x000/000");
        await Problems.AssertAsync(beyondAnyLog, HttpStatusCode.NotFound);
        using var hashesBeyondAnyLog = await fixture.Anonymous.GetAsync("log/v1/tile/0/x100/x000/x000/x000/x000/000");
        await Problems.AssertAsync(hashesBeyondAnyLog, HttpStatusCode.NotFound);
        using var malformed = await regina.GetAsync("log/v1/tile/entries/0000");
        await Problems.AssertAsync(malformed, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_the_regulator_and_the_auditor_get_entry_bundles()
    {
        await fixture.RegisteredProviderAsync("shop");
        using var anonymous = await fixture.Anonymous.GetAsync("log/v1/tile/entries/000.p/1");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        foreach (var caller in new[] { "alice", "bob" })
        {
            using var person = await (await fixture.PersonClientAsync(caller)).GetAsync("log/v1/tile/entries/000.p/1");
            Assert.Equal(HttpStatusCode.Forbidden, person.StatusCode);
        }
        using var provider = await (await fixture.ProviderClientAsync("shop")).GetAsync("log/v1/tile/entries/000.p/1");
        Assert.Equal(HttpStatusCode.Forbidden, provider.StatusCode);
        using var auditor = await (await fixture.PersonClientAsync("audrey")).GetAsync("log/v1/tile/entries/000.p/1");
        Assert.Equal(HttpStatusCode.OK, auditor.StatusCode);
    }

    /// <summary>Splits an entry bundle into its leaves; fails on a truncated bundle.</summary>
    private static IReadOnlyList<byte[]> Split(byte[] bundle)
    {
        Assert.True(EntryBundle.TryDecode(bundle, out var leaves, out var reason), reason);
        return leaves;
    }
}

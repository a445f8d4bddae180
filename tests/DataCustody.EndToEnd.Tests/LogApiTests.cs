using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataCustody.Testing;
using DataCustody.Transparency.Checkpoints;
using DataCustody.Transparency.Merkle;

namespace DataCustody.EndToEnd.Tests;

/// <summary>The public log endpoints over real HTTP, against a gateway process with entries appended through its silo.</summary>
public sealed class LogApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly GatewayProcess _gateway = fixture.Gateway;

    [Fact]
    public async Task The_checkpoint_is_plain_text_briefly_cacheable_and_signed_by_the_published_key()
    {
        var response = await _gateway.Http.GetAsync("log/v1/checkpoint");
        var key = await _gateway.GetVerifierKeyAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.InRange(response.Headers.CacheControl!.MaxAge!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        var checkpoint = Checkpoint.OpenSigned(await response.Content.ReadAsStringAsync(), key);
        Assert.Equal(GatewayProcess.Origin, checkpoint.Origin);
        Assert.Equal(GatewayProcess.Origin, key.Name);
    }

    [Fact]
    public async Task Proofs_fetched_over_http_verify_against_signed_checkpoints()
    {
        var key = await _gateway.GetVerifierKeyAsync();
        var (first, _) = await AppendAndCheckpointAsync(Enumerable.Range(0, 10).Select(i => Leaf("proof", i)).ToList());
        var leaves = Enumerable.Range(10, 300).Select(i => Leaf("proof", i)).ToList();
        var (second, _) = await AppendAndCheckpointAsync(leaves);

        var consistency = await GetProofAsync($"log/v1/proof/consistency?from={first.Size}&to={second.Size}");
        MerkleProof.VerifyConsistency(first.Size, second.Size, consistency, first.RootHash.Span, second.RootHash.Span);

        var tiles = await ReadLeafHashesAsync(second.Size);
        Assert.Equal(second.RootHash.ToArray(), MerkleHash.Root(tiles));
        foreach (var index in new ulong[] { 0, 7, second.Size / 2, second.Size - 1 })
        {
            var inclusion = await GetProofAsync($"log/v1/proof/inclusion?index={index}&size={second.Size}");
            MerkleProof.VerifyInclusion(index, second.Size, tiles[(int)index], inclusion, second.RootHash.Span);
        }
        Assert.Equal(GatewayProcess.Origin, Checkpoint.OpenSigned(await _gateway.Http.GetStringAsync("log/v1/checkpoint"), key).Origin);
    }

    [Fact]
    public async Task Tiles_are_immutable_octet_streams_of_leaf_hashes()
    {
        var (checkpoint, _) = await AppendAndCheckpointAsync([Leaf("tile", 0)]);

        var path = new Transparency.Tiles.TilePath(0, 0, (int)Math.Min(checkpoint.Size, 255)).ToString();
        var response = await _gateway.Http.GetAsync($"log/v1/tile/{path}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.MaxAge >= TimeSpan.FromDays(1));
        Assert.Equal(Math.Min(checkpoint.Size, 255) * 32, (ulong)(await response.Content.ReadAsByteArrayAsync()).Length);
    }

    public static TheoryData<string, HttpStatusCode, string> BadRequests => new()
    {
        { "log/v1/proof/inclusion?index=abc&size=1", HttpStatusCode.BadRequest, "index" },
        { "log/v1/proof/inclusion?index=0", HttpStatusCode.BadRequest, "size" },
        { "log/v1/proof/inclusion?index=-1&size=1", HttpStatusCode.BadRequest, "index" },
        { "log/v1/proof/inclusion?index=0&size=1e3", HttpStatusCode.BadRequest, "size" },
        { "log/v1/proof/inclusion?index=0&size=99999999999999999999999", HttpStatusCode.BadRequest, "size" },
        { "log/v1/proof/inclusion?index=0&size=9000000000000000000", HttpStatusCode.BadRequest, "size" },
        { "log/v1/proof/inclusion?index=5&size=5", HttpStatusCode.BadRequest, "index" },
        { "log/v1/proof/consistency?from=2&to=1", HttpStatusCode.BadRequest, "from" },
        { "log/v1/proof/consistency?from=0&to=9000000000000000000", HttpStatusCode.BadRequest, "to" },
        { "log/v1/proof/consistency?from=x&to=1", HttpStatusCode.BadRequest, "from" },
        { "log/v1/tile/0/5", HttpStatusCode.BadRequest, "path" },
        { "log/v1/tile/64/000", HttpStatusCode.BadRequest, "path" },
        { "log/v1/tile/0/000.p/0", HttpStatusCode.BadRequest, "path" },
        { "log/v1/tile/0/x000/001", HttpStatusCode.BadRequest, "path" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_requests_get_a_problem_naming_the_field_and_the_log_keeps_serving(string url, HttpStatusCode status, string field)
    {
        await AppendAndCheckpointAsync(Enumerable.Range(0, 5).Select(i => Leaf("bad", i)).ToList());

        var response = await _gateway.Http.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"the problem names {field}");
        Assert.Equal(HttpStatusCode.OK, (await _gateway.Http.GetAsync("log/v1/checkpoint")).StatusCode);
    }

    [Fact]
    public async Task A_tile_beyond_the_log_is_not_found_and_entry_bundles_are_not_public()
    {
        var missing = await _gateway.Http.GetAsync("log/v1/tile/2/x999/999");
        var bundle = await _gateway.Http.GetAsync("log/v1/tile/entries/000.p/1");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, bundle.StatusCode);
        Assert.Equal("application/problem+json", bundle.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Entry_bundles_pass_a_regulator_and_refuse_a_provider()
    {
        var regulatorToken = (await DemoTokens.ForPersonAsync(_gateway.BaseAddress, "regina")).AccessToken;
        var providerToken = await DemoTokens.ForClientAsync(_gateway.BaseAddress, "shop");
        using var regulator = DemoTokens.WithBearer(_gateway.BaseAddress, regulatorToken);
        using var provider = DemoTokens.WithBearer(_gateway.BaseAddress, providerToken);

        await AppendAndCheckpointAsync([Leaf("bundle", 0)]);
        var asRegulator = await regulator.GetAsync("log/v1/tile/entries/000.p/1");
        var asProvider = await provider.GetAsync("log/v1/tile/entries/000.p/1");
        var verifierKey = await provider.GetAsync("log/v1/key");

        // The first entry, as a uint16 length and the leaf.
        Assert.Equal(HttpStatusCode.OK, asRegulator.StatusCode);
        var bundle = await asRegulator.Content.ReadAsByteArrayAsync();
        Assert.Equal(bundle.Length - 2, System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(bundle));
        Assert.Equal(HttpStatusCode.Forbidden, asProvider.StatusCode);
        Assert.Equal(HttpStatusCode.OK, verifierKey.StatusCode);
    }

    private async Task<(Checkpoint Checkpoint, string Note)> AppendAndCheckpointAsync(IReadOnlyList<byte[]> leaves)
    {
        var appended = await fixture.Client.Ledger.Append(leaves);
        var key = await _gateway.GetVerifierKeyAsync();
        return await Eventually.UntilAsync(
            () => _gateway.GetCheckpointAsync(key),
            c => (long)c.Checkpoint.Size >= appended.FirstIndex + appended.Count,
            Patience,
            "a checkpoint covering the append");
    }

    private async Task<byte[][]> GetProofAsync(string url)
    {
        var response = await _gateway.Http.GetFromJsonAsync<JsonElement>(url);
        return [.. response.GetProperty("proof").EnumerateArray().Select(e => Convert.FromBase64String(e.GetString()!))];
    }

    /// <summary>All leaf hashes of the tree of <paramref name="size"/> entries, read from level-0 tiles.</summary>
    private async Task<List<byte[]>> ReadLeafHashesAsync(ulong size)
    {
        var hashes = new List<byte[]>();
        for (ulong tile = 0; tile * 256 < size; tile++)
        {
            var width = (int)Math.Min(256, size - tile * 256);
            var path = new Transparency.Tiles.TilePath(0, (long)tile, width == 256 ? null : width).ToString();
            var bytes = await _gateway.Http.GetByteArrayAsync($"log/v1/tile/{path}");
            hashes.AddRange(bytes.Chunk(32));
        }
        return hashes;
    }

    private static byte[] Leaf(string test, int i) => Encoding.UTF8.GetBytes($"{test} {i}");
}

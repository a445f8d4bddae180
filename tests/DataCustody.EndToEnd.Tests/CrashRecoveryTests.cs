using DataCustody.Testing;
using DataCustody.Transparency.Checkpoints;
using DataCustody.Transparency.Merkle;

namespace DataCustody.EndToEnd.Tests;

/// <summary>
/// The gateway process is killed with SIGKILL under sustained appends and restarted: everything
/// it acknowledged must still be there, at the same index, with no gap, in a log provably
/// consistent with what it had published before the kill.
/// </summary>
public sealed class CrashRecoveryTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Acknowledged_entries_survive_a_kill_at_a_random_moment(int seed)
    {
        // The kill moment: after a number of acknowledged entries drawn per run.
        var killAfter = new Random(seed).Next(500, 6000);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var gateway = await GatewayProcess.StartAsync();
        var key = await gateway.GetVerifierKeyAsync();
        var entries = new AcknowledgedEntries();
        Checkpoint? lastSeenBeforeKill = null;

        await using (var client = await LedgerClient.ConnectAsync(gateway.OrleansGatewayPort))
        {
            using var stop = new CancellationTokenSource();
            var writers = entries.RunAsync(() => client.Ledger, writers: 16, leavesPerAppend: 8, stop.Token);
            // Killing before the first non-empty checkpoint would leave nothing to prove consistency with.
            while (entries.Count < killAfter || lastSeenBeforeKill is not { Size: > 0 })
            {
                lastSeenBeforeKill = (await gateway.GetCheckpointAsync(key)).Checkpoint;
                Assert.False(writers.IsCompleted, "the writers stopped early");
            }

            output.WriteLine($"{clock.Elapsed}: killing after {entries.Count} acknowledged entries, last checkpoint {lastSeenBeforeKill?.Size}");
            await gateway.KillAsync();
            await stop.CancelAsync();
            await writers;
        }
        Assert.NotNull(lastSeenBeforeKill);

        output.WriteLine($"{clock.Elapsed}: writers stopped, {entries.Failures} failed appends");
        await gateway.RestartAsync();
        output.WriteLine($"{clock.Elapsed}: restarted");
        var (after, _) = await gateway.GetCheckpointAsync(key);

        var maxAcknowledged = entries.LeafHashByIndex.Keys.Max();
        Assert.True((long)after.Size > maxAcknowledged, $"the log has {after.Size} entries but entry {maxAcknowledged} was acknowledged");
        var leafHashes = await ReadLeafHashesAsync(gateway, after.Size);
        Assert.All(entries.LeafHashByIndex, entry => Assert.Equal(entry.Value, leafHashes[(int)entry.Key]));
        Assert.Equal(after.RootHash.ToArray(), MerkleHash.Root(leafHashes));

        var proof = await GetProofAsync(gateway, $"log/v1/proof/consistency?from={lastSeenBeforeKill.Size}&to={after.Size}");
        MerkleProof.VerifyConsistency(lastSeenBeforeKill.Size, after.Size, proof, lastSeenBeforeKill.RootHash.Span, after.RootHash.Span);
    }

    /// <summary>Every leaf hash of the tree, from the public level-0 tiles: a missing entry would leave a tile short.</summary>
    private static async Task<List<byte[]>> ReadLeafHashesAsync(GatewayProcess gateway, ulong size)
    {
        var hashes = new List<byte[]>((int)size);
        for (ulong tile = 0; tile * 256 < size; tile++)
        {
            var width = (int)Math.Min(256, size - tile * 256);
            var path = new Transparency.Tiles.TilePath(0, (long)tile, width == 256 ? null : width).ToString();
            var response = await gateway.Http.GetAsync($"log/v1/tile/{path}");
            Assert.True(response.IsSuccessStatusCode, $"tile {path} is missing: {response.StatusCode}");
            hashes.AddRange((await response.Content.ReadAsByteArrayAsync()).Chunk(32));
        }
        return hashes;
    }

    private static async Task<byte[][]> GetProofAsync(GatewayProcess gateway, string url)
    {
        using var json = System.Text.Json.JsonDocument.Parse(await gateway.Http.GetStringAsync(url));
        return [.. json.RootElement.GetProperty("proof").EnumerateArray().Select(e => Convert.FromBase64String(e.GetString()!))];
    }
}

using System.Net;
using DataCustody.Cli.Api;
using DataCustody.Cli.Progress;
using DataCustody.Sdk.Log;
using DataCustody.Transparency.Merkle;
using DataCustody.Transparency.Notes;
using DataCustody.Transparency.Tiles;

namespace DataCustody.Cli.Auditing;

/// <summary>Every entry of the log up to a verified checkpoint, checked against it.</summary>
/// <param name="Checkpoint">The checkpoint, its signature verified with the pinned key.</param>
/// <param name="Leaves">The entries, index order.</param>
/// <param name="LeafHashes">Their RFC 6962 leaf hashes, recomputed here.</param>
internal sealed record DownloadedLog(VerifiedCheckpoint Checkpoint, IReadOnlyList<byte[]> Leaves, IReadOnlyList<byte[]> LeafHashes);

/// <summary>
/// Downloads and checks the log: the checkpoint (signature), every entry bundle up to its size (the
/// leaves hash to its root), and every hash tile (each hash equals the node recomputed from the leaves).
/// Bundles and tiles are kept in the work folder under their C2SP tlog-tiles paths.
/// </summary>
internal static class LogDownload
{
    public static async Task<DownloadedLog> RunAsync(BrokerApi api, NoteVerifierKey logKey, string workFolder, WorkProgress progress, CancellationToken cancellationToken)
    {
        var log = new LogClient(api.Http, api.Http.BaseAddress!);
        string note;
        try
        {
            note = await log.GetCheckpointAsync(cancellationToken);
        }
        catch (LogResponseException e)
        {
            throw new AuditException(ExitCodes.BadCheckpoint, $"BAD CHECKPOINT: {e.Message}");
        }
        VerifiedCheckpoint checkpoint;
        try
        {
            checkpoint = VerifiedCheckpoint.Open(note, logKey);
        }
        catch (LogMisbehaviourException e)
        {
            throw new AuditException(ExitCodes.BadCheckpoint, $"BAD CHECKPOINT: {e.Message}");
        }
        await File.WriteAllTextAsync(Path.Combine(workFolder, "checkpoint"), note, cancellationToken);
        var size = checked((long)checkpoint.Size);
        progress.WriteLine($"checkpoint verified: {checkpoint.Checkpoint.Origin} size {size} root {checkpoint.RootBase64}");

        var leaves = await DownloadEntriesAsync(api, size, workFolder, progress, cancellationToken);
        var leafHashes = leaves.Select(leaf => MerkleHash.Leaf(leaf)).ToArray();
        var range = new CompactRange();
        foreach (var hash in leafHashes)
        {
            range.Append(hash);
        }
        var root = size == 0 ? MerkleHash.EmptyRoot() : range.Root();
        if (!root.AsSpan().SequenceEqual(checkpoint.Checkpoint.RootHash.Span))
        {
            throw new AuditException(ExitCodes.LogMismatch,
                $"LOG MISMATCH: the {size} entries the log served hash to root {Convert.ToBase64String(root)}, but the signed checkpoint's root is {checkpoint.RootBase64}.");
        }
        progress.WriteLine($"the {size} entries hash to the checkpoint's root");

        await CheckTilesAsync(api, leafHashes, workFolder, progress, cancellationToken);
        return new DownloadedLog(checkpoint, leaves, leafHashes);
    }

    private static async Task<IReadOnlyList<byte[]>> DownloadEntriesAsync(BrokerApi api, long size, string workFolder, WorkProgress progress, CancellationToken cancellationToken)
    {
        var bundles = (size + TilePath.FullWidth - 1) / TilePath.FullWidth;
        var step = progress.Start("entry bundles", bundles);
        var leaves = new List<byte[]>(checked((int)size));
        for (var index = 0L; index < bundles; index++)
        {
            var width = (int)Math.Min(TilePath.FullWidth, size - index * TilePath.FullWidth);
            var tile = new TilePath(null, index, width == TilePath.FullWidth ? null : width);
            var bytes = await FetchAsync(api, tile, workFolder, cancellationToken);
            var entries = ParseBundle(bytes, tile);
            if (entries.Count != width)
            {
                throw new AuditException(ExitCodes.LogMismatch, $"LOG MISMATCH: entry bundle {tile} holds {entries.Count} entries, not {width}.");
            }
            leaves.AddRange(entries);
            step.Increment();
        }
        step.Complete($"{bundles} downloaded, {size} entries");
        return leaves;
    }

    private static async Task CheckTilesAsync(BrokerApi api, byte[][] leafHashes, string workFolder, WorkProgress progress, CancellationToken cancellationToken)
    {
        // nodes[h] holds the complete nodes of tree level h; tile level L holds those of tree level 8L.
        var nodes = new List<byte[][]> { leafHashes };
        while (nodes[^1].Length >= 2)
        {
            var below = nodes[^1];
            nodes.Add([.. Enumerable.Range(0, below.Length / 2).Select(i => MerkleHash.Node(below[2 * i], below[2 * i + 1]))]);
        }
        var tiles = new List<TilePath>();
        for (var level = 0; 8 * level < nodes.Count && nodes[8 * level].Length > 0; level++)
        {
            var count = nodes[8 * level].Length;
            for (var index = 0L; index * TilePath.FullWidth < count; index++)
            {
                var width = (int)Math.Min(TilePath.FullWidth, count - index * TilePath.FullWidth);
                tiles.Add(new TilePath(level, index, width == TilePath.FullWidth ? null : width));
            }
        }
        var step = progress.Start("hash tiles", tiles.Count);
        foreach (var tile in tiles)
        {
            var bytes = await FetchAsync(api, tile, workFolder, cancellationToken);
            if (bytes.Length != tile.Count * MerkleHash.Size)
            {
                throw new AuditException(ExitCodes.LogMismatch, $"LOG MISMATCH: hash tile {tile} is {bytes.Length} bytes, not {tile.Count} hashes.");
            }
            var level = nodes[8 * tile.Level!.Value];
            for (var i = 0; i < tile.Count; i++)
            {
                var expected = level[tile.Index * TilePath.FullWidth + i];
                var served = bytes.AsSpan(i * MerkleHash.Size, MerkleHash.Size);
                if (!served.SequenceEqual(expected))
                {
                    var what = tile.Level == 0 ? $"leaf hash of entry {tile.Index * TilePath.FullWidth + i}" : $"node {tile.Index * TilePath.FullWidth + i} of tree level {8 * tile.Level}";
                    throw new AuditException(ExitCodes.LogMismatch,
                        $"LOG MISMATCH: hash tile {tile} serves {Convert.ToBase64String(served)} as the {what}, but the entries give {Convert.ToBase64String(expected)}.");
                }
            }
            step.Increment();
        }
        step.Complete($"{tiles.Count} downloaded, every hash equals the one recomputed from the entries");
    }

    private static async Task<byte[]> FetchAsync(BrokerApi api, TilePath tile, string workFolder, CancellationToken cancellationToken)
    {
        var path = $"log/v1/tile/{tile}";
        using var response = await api.SendRawAsync(HttpMethod.Get, path, null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new AuditException(ExitCodes.LogMismatch, $"LOG MISMATCH: the log does not serve {path}, which its signed checkpoint covers.");
        }
        if (!response.IsSuccessStatusCode)
        {
            throw await BrokerProblemException.ReadAsync($"GET {path}", response, cancellationToken);
        }
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var file = Path.Combine(workFolder, "tile", tile.ToString());
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, bytes, cancellationToken);
        return bytes;
    }

    /// <summary>The entries of a C2SP tlog-tiles entry bundle, or the audit's failure.</summary>
    private static IReadOnlyList<byte[]> ParseBundle(byte[] bundle, TilePath tile) =>
        EntryBundle.TryDecode(bundle, out var entries, out var reason)
            ? entries
            : throw new AuditException(ExitCodes.LogMismatch, $"LOG MISMATCH: entry bundle {tile}: {reason}.");
}

namespace DataCustody.Grains.Ledger;

/// <summary>
/// Reads proofs and tiles from storage. Complete nodes never change, so any number of readers
/// serve them beside the ledger without touching its state.
/// </summary>
[Alias("DataCustody.Ledger.ILogReaderGrain")]
public interface ILogReaderGrain : IGrainWithIntegerKey
{
    /// <summary>The RFC 9162 inclusion proof of entry <paramref name="index"/> in the tree of <paramref name="size"/> entries.</summary>
    [Alias("GetInclusionProof")]
    Task<IReadOnlyList<byte[]>> GetInclusionProof(long index, long size);

    /// <summary>The RFC 9162 consistency proof from the tree of <paramref name="from"/> entries to the tree of <paramref name="to"/>.</summary>
    [Alias("GetConsistencyProof")]
    Task<IReadOnlyList<byte[]>> GetConsistencyProof(long from, long to);

    /// <summary>
    /// A C2SP tlog-tiles hash tile: <paramref name="width"/> hashes at tree level
    /// 8 × <paramref name="level"/> from <paramref name="index"/> × 256; null when not yet in the log.
    /// </summary>
    [Alias("GetTile")]
    Task<byte[]?> GetTile(int level, long index, int width);

    /// <summary>
    /// The leaves of the entries at <paramref name="indices"/> (at most <see cref="LogReaderLimits.MaxLeaves"/>),
    /// in index order without repeats; indices at or beyond the latest checkpoint's size are left out.
    /// </summary>
    [Alias("GetLeaves")]
    Task<IReadOnlyList<LogLeaf>> GetLeaves(IReadOnlyList<long> indices);

    /// <summary>
    /// A C2SP tlog-tiles entry bundle: the <paramref name="width"/> entries from
    /// <paramref name="index"/> × 256, each a big-endian uint16 length and the leaf; null when not yet in the log.
    /// </summary>
    [Alias("GetEntryBundle")]
    Task<byte[]?> GetEntryBundle(long index, int width);
}

/// <summary>Bounds of the log reader's answers.</summary>
public static class LogReaderLimits
{
    /// <summary>The most leaves one <see cref="ILogReaderGrain.GetLeaves"/> call returns.</summary>
    public const int MaxLeaves = 10_000;
}

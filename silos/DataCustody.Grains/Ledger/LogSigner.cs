using DataCustody.Transparency.Checkpoints;
using DataCustody.Transparency.Notes;
using Microsoft.Extensions.Options;

namespace DataCustody.Grains.Ledger;

/// <summary>The log's checkpoint key and origin: what turns a tree head into a signed checkpoint.</summary>
public sealed class LogSigner(NoteSignerKey key, IOptions<LedgerOptions> options)
{
    /// <summary>The log's origin line.</summary>
    public string Origin { get; } = options.Value.Origin;

    /// <summary>The public key that verifies this log's checkpoints.</summary>
    public NoteVerifierKey VerifierKey => key.Verifier;

    /// <summary>Signs the checkpoint of a tree of <paramref name="size"/> entries with <paramref name="rootHash"/>.</summary>
    public LogCheckpoint Sign(long size, byte[] rootHash, DateTimeOffset now) =>
        new(size, rootHash, new Checkpoint(Origin, (ulong)size, rootHash).Sign(key), now);
}

using System.Security.Cryptography;
using DataCustody.Grains.Custody.Projection;
using DataCustody.Grains.Ledger;
using DataCustody.Grains.Statements;
using DataCustody.Transparency.Merkle;

namespace DataCustody.Grains.Custody;

/// <summary>
/// An entry about to be logged, with the statement it carries, the statement's exact payload and
/// its SHA-256: hashed before the append rather than by the projector inside the append
/// transaction, where every entry of the log waits its turn.
/// </summary>
public sealed record PendingEntry(LogEntry Entry, Statement Statement, byte[] Payload, byte[] PayloadSha256)
{
    /// <summary>This entry as logged at <paramref name="index"/>.</summary>
    public DecodedEntry At(long index) => new(index, Entry, Statement, Payload, PayloadSha256);
}

/// <summary>An entry that was logged: where, and its RFC 6962 leaf hash.</summary>
public sealed record LoggedEntry(DecodedEntry Decoded, byte[] LeafHash)
{
    /// <summary>The entry's index in the log.</summary>
    public long Index => Decoded.Index;
}

/// <summary>Wraps statements into log entries (signing the broker's own) and appends them as one batch.</summary>
public sealed class EntryWriter(IGrainFactory grains, BrokerSigner signer, BrokerClock clock, DecodedLeaves decoded)
{
    // Orleans resolves a grain interface by reflection on every GetGrain; the log is one grain.
    private readonly ILedgerGrain _ledger = grains.GetGrain<ILedgerGrain>(LedgerKey.Id);

    /// <summary>The broker's clock.</summary>
    public DateTimeOffset Now => clock.Now;

    /// <summary>A statement the broker makes, signed with its statement key.</summary>
    public PendingEntry FromBroker(BrokerStatement statement, EntryNotes? notes = null)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var payload = StatementCodec.Serialize(statement);
        return new PendingEntry(new LogEntry(statement.Type, Now.ToUnixTimeMilliseconds(), LogEntry.Broker, signer.Sign(payload), notes), statement, payload, SHA256.HashData(payload));
    }

    /// <summary>A provider's statement, logged as the exact bytes received.</summary>
    public PendingEntry FromProvider(SubmittedStatement submitted, EntryNotes? notes)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        var entry = new LogEntry(submitted.Statement.Type, Now.ToUnixTimeMilliseconds(), submitted.Statement.Provider, submitted.Jws, notes);
        return new PendingEntry(entry, submitted.Statement, submitted.Payload, submitted.PayloadSha256);
    }

    /// <summary>Appends the entries as consecutive log entries, once durable.</summary>
    public async Task<IReadOnlyList<LoggedEntry>> AppendAsync(IReadOnlyList<PendingEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var leaves = entries.Select(e => e.Entry.ToLeaf()).ToList();
        var hashes = leaves.Select(leaf => MerkleHash.Leaf(leaf)).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            decoded.Remember(hashes[i], entries[i]);
        }
        try
        {
            var appended = await _ledger.Append(leaves);
            return [.. entries.Select((e, i) => new LoggedEntry(e.At(appended.FirstIndex + i), hashes[i]))];
        }
        finally
        {
            foreach (var hash in hashes)
            {
                decoded.Forget(hash);
            }
        }
    }
}

using System.Security.Cryptography;
using DataCustody.Grains.Ledger;
using DataCustody.Grains.Statements;
using DataCustody.Transparency.Jws;

namespace DataCustody.Grains.Custody.Projection;

/// <summary>A log entry opened: its envelope, the statement inside, the statement's exact payload and its SHA-256.</summary>
public sealed record DecodedEntry(long Index, LogEntry Entry, Statement Statement, byte[] Payload, byte[] PayloadSha256)
{
    /// <summary>
    /// Decodes a leaf, or returns null for a leaf that is no custody envelope. An envelope whose
    /// statement cannot be read is a broken log and throws.
    /// </summary>
    public static DecodedEntry? Decode(long index, ReadOnlySpan<byte> leaf)
    {
        if (!LogEntry.TryFromLeaf(leaf, out var entry))
        {
            return null;
        }
        var payload = CompactJws.Parse(entry.Jws).Payload.ToArray();
        var parsed = StatementCodec.Parse(payload);
        if (!parsed.IsValid)
        {
            throw new InvalidDataException($"Entry {index} holds an unreadable statement: {string.Join("; ", parsed.Errors.Select(e => $"{e.Field}: {e.Reason}"))}");
        }
        return new DecodedEntry(index, entry, parsed.Statement, payload, SHA256.HashData(payload));
    }
}

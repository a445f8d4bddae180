using System.Buffers.Binary;
using System.Text;
using DataCustody.Transparency.Codecs;

namespace DataCustody.Transparency.Notes;

/// <summary>
/// C2SP signed notes: a text ending in a newline, a blank line, and signature lines
/// <c>— name base64(key ID || signature)</c>.
/// </summary>
public static class SignedNote
{
    /// <summary>Verifiers look at no more signatures than this, so a note cannot make them work forever.</summary>
    public const int MaxSignatures = 100;

    private const string SignaturePrefix = "\u2014 ";

    /// <summary>Signs <paramref name="text"/> with every signer, in order, and returns the whole note.</summary>
    public static string Sign(string text, params IReadOnlyList<NoteSignerKey> signers)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signers);
        if (signers.Count == 0)
        {
            throw new ArgumentException("A note needs at least one signer.", nameof(signers));
        }
        if (text.Length == 0 || text[^1] != '\n')
        {
            throw new NoteException(NoteError.Malformed, "The note text must end with a newline.");
        }
        RequireValidText(text);

        var textBytes = StrictUtf8.Encoding.GetBytes(text);
        var note = new StringBuilder(text).Append('\n');
        Span<byte> signature = stackalloc byte[4 + 64];
        foreach (var signer in signers)
        {
            BinaryPrimitives.WriteUInt32BigEndian(signature, signer.KeyId);
            signer.Sign(textBytes).CopyTo(signature[4..]);
            note.Append(SignaturePrefix).Append(signer.Name).Append(' ').Append(Convert.ToBase64String(signature)).Append('\n');
        }
        return note.ToString();
    }

    /// <summary>Opens a note received as UTF-8 bytes; see <see cref="Open(string, IEnumerable{NoteVerifierKey})"/>.</summary>
    public static OpenedNote Open(ReadOnlySpan<byte> note, IEnumerable<NoteVerifierKey> known)
    {
        string text;
        try
        {
            text = StrictUtf8.Encoding.GetString(note);
        }
        catch (DecoderFallbackException e)
        {
            throw new NoteException(NoteError.Malformed, $"The note is not valid UTF-8 (byte {e.Index}).");
        }
        return Open(text, known);
    }

    /// <summary>
    /// Parses a note and verifies every signature by a key in <paramref name="known"/>. Signatures
    /// by unknown keys are ignored. Throws <see cref="NoteException"/> when the note is malformed,
    /// when a known key's signature fails, or when no known key signed it.
    /// </summary>
    public static OpenedNote Open(string note, IEnumerable<NoteVerifierKey> known)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(known);
        RequireValidText(note);

        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            throw new NoteException(NoteError.Malformed, "There is no blank line between the text and the signatures.");
        }
        var text = note[..(split + 1)];
        var signatureBlock = note[(split + 2)..];
        if (signatureBlock.Length == 0)
        {
            throw new NoteException(NoteError.Malformed, "There are no signature lines after the blank line.");
        }
        if (signatureBlock[^1] != '\n')
        {
            throw new NoteException(NoteError.Malformed, "The signature lines must end with a newline.");
        }

        var keys = known.ToDictionary(k => (k.Name, k.KeyId));
        var textBytes = StrictUtf8.Encoding.GetBytes(text);
        var verified = new List<NoteSignature>();
        var unverified = new List<NoteSignature>();
        var seen = new HashSet<(string, uint)>();
        var seenUnverified = new HashSet<string>(StringComparer.Ordinal);
        var line = text.Count(c => c == '\n') + 1;
        var lines = signatureBlock[..^1].Split('\n');
        if (lines.Length > MaxSignatures)
        {
            throw new NoteException(NoteError.Malformed, $"The note has {lines.Length} signatures, more than {MaxSignatures}.");
        }
        foreach (var signatureLine in lines)
        {
            line++;
            var signature = ParseSignatureLine(signatureLine, line, out var signatureBytes);
            if (!keys.TryGetValue((signature.Name, signature.KeyId), out var key))
            {
                if (seenUnverified.Add(signatureLine))
                {
                    unverified.Add(signature);
                }
                continue;
            }
            if (!seen.Add((signature.Name, signature.KeyId)))
            {
                continue;
            }
            if (!key.Verify(textBytes, signatureBytes))
            {
                throw new NoteException(NoteError.InvalidSignature, $"The signature by known key {signature.Name}+{signature.KeyId:x8} does not verify.", line);
            }
            verified.Add(signature);
        }
        if (verified.Count == 0)
        {
            throw new NoteException(NoteError.NoKnownSignature, "No signature on the note is by a known key.");
        }
        return new OpenedNote(text, verified, unverified);
    }

    private static NoteSignature ParseSignatureLine(string signatureLine, int line, out byte[] signature)
    {
        if (!signatureLine.StartsWith(SignaturePrefix, StringComparison.Ordinal))
        {
            throw new NoteException(NoteError.Malformed, "A signature line starts with an em dash and a space.", line);
        }
        var rest = signatureLine[SignaturePrefix.Length..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            throw new NoteException(NoteError.Malformed, "A signature line has a key name, a space and a signature.", line);
        }
        var name = rest[..space];
        var base64 = rest[(space + 1)..];
        if (!NoteKeyName.IsValid(name))
        {
            throw new NoteException(NoteError.Malformed, $"The key name '{name}' is empty or has a space or '+'.", line);
        }
        if (!StrictBase64.TryDecode(base64, out var decoded))
        {
            throw new NoteException(NoteError.Malformed, "The signature is not canonical base64.", line);
        }
        if (decoded.Length < 5)
        {
            throw new NoteException(NoteError.Malformed, "The signature is shorter than a key ID and one byte.", line);
        }
        signature = decoded[4..];
        return new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(decoded), base64);
    }

    // Notes are UTF-8 without control characters other than newline.
    private static void RequireValidText(string note)
    {
        var line = 1;
        for (var i = 0; i < note.Length; i++)
        {
            var c = note[i];
            if (c == '\n')
            {
                line++;
            }
            else if (c < 0x20)
            {
                throw new NoteException(NoteError.Malformed, $"Control character U+{(int)c:X4} is not allowed.", line);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < note.Length && char.IsLowSurrogate(note[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new NoteException(NoteError.Malformed, "A lone surrogate cannot be encoded as UTF-8.", line);
            }
        }
    }
}

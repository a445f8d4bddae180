using System.Globalization;
using System.Text;
using DataCustody.Transparency.Codecs;
using DataCustody.Transparency.Merkle;
using DataCustody.Transparency.Notes;

namespace DataCustody.Transparency.Checkpoints;

/// <summary>
/// A C2SP tlog-checkpoint: the log's origin, tree size and root hash, with optional extension
/// lines, as the text of a signed note.
/// </summary>
public sealed class Checkpoint
{
    /// <summary>Creates a checkpoint; throws <see cref="ArgumentException"/> when a part could not be formatted.</summary>
    public Checkpoint(string origin, ulong size, ReadOnlySpan<byte> rootHash, IReadOnlyList<string>? extensions = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(origin);
        if (origin.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("The origin is one line.", nameof(origin));
        }
        if (rootHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException($"The root hash has {MerkleHash.Size} bytes, got {rootHash.Length}.", nameof(rootHash));
        }
        extensions ??= [];
        if (extensions.Any(e => e.Length == 0 || e.Contains('\n', StringComparison.Ordinal)))
        {
            throw new ArgumentException("Extension lines are non-empty single lines.", nameof(extensions));
        }
        Origin = origin;
        Size = size;
        RootHash = rootHash.ToArray();
        Extensions = extensions;
    }

    /// <summary>The log's identity, usually a schema-less URL.</summary>
    public string Origin { get; }

    /// <summary>The number of leaves in the tree.</summary>
    public ulong Size { get; }

    /// <summary>The RFC 6962 root hash of the tree.</summary>
    public ReadOnlyMemory<byte> RootHash { get; }

    /// <summary>Opaque extension lines, usually none.</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>
    /// Parses a checkpoint body strictly: origin, canonical decimal size, canonical base64 of a
    /// 32-byte root, and non-empty extension lines, each ending in a newline.
    /// </summary>
    public static Checkpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text[^1] != '\n')
        {
            throw new CheckpointFormatException("The checkpoint must end with a newline.");
        }
        var lines = text[..^1].Split('\n');
        if (lines.Length < 3)
        {
            throw new CheckpointFormatException($"A checkpoint has at least three lines, got {lines.Length}.");
        }
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                throw new CheckpointFormatException("Lines must not be empty.", i + 1);
            }
        }
        var size = ParseSize(lines[1]);
        if (!StrictBase64.TryDecode(lines[2], out var root))
        {
            throw new CheckpointFormatException("The root hash is not canonical base64.", 3);
        }
        if (root.Length != MerkleHash.Size)
        {
            throw new CheckpointFormatException($"The root hash has {root.Length} bytes, expected {MerkleHash.Size}.", 3);
        }
        return new Checkpoint(lines[0], size, root, lines[3..]);
    }

    /// <summary>
    /// Opens a signed checkpoint: the note must carry a valid signature by <paramref name="logKey"/>,
    /// and its text must be a well-formed checkpoint whose origin is the key's name.
    /// </summary>
    /// <exception cref="NoteException">The note is malformed or carries no valid signature by <paramref name="logKey"/>.</exception>
    /// <exception cref="CheckpointFormatException">The text is not a checkpoint, or its origin is not the name of <paramref name="logKey"/>.</exception>
    public static Checkpoint OpenSigned(string note, NoteVerifierKey logKey)
    {
        var opened = SignedNote.Open(note, [logKey]);
        var checkpoint = Parse(opened.Text);
        // A log names its key after its origin (C2SP tlog-checkpoint), so a checkpoint naming another
        // origin is not one of this log's, even though its key signed it.
        if (checkpoint.Origin != logKey.Name)
        {
            throw new CheckpointFormatException($"The origin '{checkpoint.Origin}' is not '{logKey.Name}', the name of the log key: the checkpoint is of another log.", 1);
        }
        return checkpoint;
    }

    /// <summary>The checkpoint body, the text a log signs.</summary>
    public string ToText()
    {
        var text = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(RootHash.Span)).Append('\n');
        foreach (var extension in Extensions)
        {
            text.Append(extension).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The body signed as a note by <paramref name="logKey"/>.</summary>
    public string Sign(NoteSignerKey logKey) => SignedNote.Sign(ToText(), logKey);

    /// <inheritdoc />
    public override string ToString() => ToText();

    private static ulong ParseSize(string line)
    {
        var canonical = line.Length > 0 && line.All(char.IsAsciiDigit) && (line == "0" || line[0] != '0');
        if (!canonical)
        {
            throw new CheckpointFormatException($"The tree size '{line}' is not a decimal number without leading zeros.", 2);
        }
        if (!ulong.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            throw new CheckpointFormatException($"The tree size '{line}' does not fit in 64 bits.", 2);
        }
        return size;
    }
}

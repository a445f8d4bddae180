namespace DataCustody.Transparency.Notes;

/// <summary>What was wrong with a signed note or a note key.</summary>
public enum NoteError
{
    /// <summary>The note or key does not follow the C2SP signed-note format.</summary>
    Malformed,

    /// <summary>A signature by a known key did not verify: the whole note is rejected.</summary>
    InvalidSignature,

    /// <summary>No signature on the note is by a known key.</summary>
    NoKnownSignature,
}

/// <summary>A signed note or a note key was rejected; <see cref="Line"/> says where, when it is about one line.</summary>
public sealed class NoteException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NoteException(NoteError error, string message, int? line = null)
        : base(line is null ? message : $"Line {line}: {message}")
    {
        Error = error;
        Line = line;
    }

    /// <summary>Which kind of failure this is.</summary>
    public NoteError Error { get; }

    /// <summary>The 1-based line of the note the failure is about, if it is about one line.</summary>
    public int? Line { get; }
}

namespace DataCustody.Transparency.Checkpoints;

/// <summary>A checkpoint body does not follow C2SP tlog-checkpoint; <see cref="Line"/> says which line.</summary>
public sealed class CheckpointFormatException : Exception
{
    /// <summary>Creates the exception for a 1-based line of the checkpoint body.</summary>
    public CheckpointFormatException(string message, int line)
        : base($"Checkpoint line {line}: {message}")
    {
        Line = line;
    }

    /// <summary>Creates the exception without a line.</summary>
    public CheckpointFormatException(string message)
        : base(message)
    {
    }

    /// <summary>The 1-based line the failure is about, when it is about one line.</summary>
    public int? Line { get; }
}

namespace DataCustody.Cli;

/// <summary>The exit codes of <c>custody</c>; README.md lists them for scripts.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>A usage error, a file that could not be read or written, or a log that stayed unreachable.</summary>
    public const int Failure = 1;

    /// <summary>The input was refused: an invalid statement, key, kid or state file.</summary>
    public const int InvalidInput = 2;

    /// <summary>The log served a checkpoint that is not validly signed by the pinned key.</summary>
    public const int BadCheckpoint = 3;

    /// <summary>The log served a validly signed checkpoint that is not consistent with the verified one.</summary>
    public const int Fork = 4;

    /// <summary>The log served a validly signed checkpoint smaller than the verified one.</summary>
    public const int Rollback = 5;
}

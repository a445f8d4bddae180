namespace DataCustody.Sdk.Log;

/// <summary>
/// The log answered, but not in the expected format. Not evidence against the log: a proxy or an
/// error page can cause it, so callers treat it like a network failure and retry. A checkpoint
/// answer is the exception: <see cref="CheckpointFollower"/> calls one that is not a note a bad checkpoint.
/// </summary>
public sealed class LogResponseException : Exception
{
    /// <summary>Creates the exception with what was wrong with the answer.</summary>
    public LogResponseException(string message)
        : base(message)
    {
    }
}

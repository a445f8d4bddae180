namespace DataCustody.Sdk.Log;

/// <summary>
/// The log served something an honest append-only log never would. Unlike a network failure,
/// retrying does not help; the message and <see cref="Evidence"/> are what to report.
/// </summary>
public sealed class LogMisbehaviourException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">What was found.</param>
    /// <param name="message">What was found, with sizes and roots.</param>
    /// <param name="evidence">The signed note the log served that shows it; empty when the answer was not text.</param>
    public LogMisbehaviourException(LogMisbehaviour kind, string message, string evidence)
        : base(message)
    {
        Kind = kind;
        Evidence = evidence;
    }

    /// <summary>What was found.</summary>
    public LogMisbehaviour Kind { get; }

    /// <summary>The signed note the log served that shows the misbehaviour; empty when the answer was not text.</summary>
    public string Evidence { get; }
}

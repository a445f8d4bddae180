namespace DataCustody.Cli.Auditing;

/// <summary>The audit found the log or the API untrustworthy, or could not go on; <see cref="ExitCode"/> says which.</summary>
internal sealed class AuditException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

namespace DataCustody.Sdk.Models;

/// <summary>What the broker did with one submitted statement.</summary>
public enum StatementStatus
{
    /// <summary>The statement was logged now.</summary>
    Recorded,

    /// <summary>A statement with the same id was logged before; the result names the original entry and nothing new was written.</summary>
    Duplicate,

    /// <summary>The statement was refused and nothing was written; <see cref="StatementResult.Problem"/> says why.</summary>
    Rejected,
}

namespace DataCustody.Sdk.Models;

/// <summary>Where a deletion obligation stands.</summary>
public enum ObligationStatus
{
    /// <summary>Not answered, deadline not passed.</summary>
    Due,

    /// <summary>Answered by a <c>data.deleted</c> statement.</summary>
    Answered,

    /// <summary>The deadline passed without an answer.</summary>
    Overdue,
}

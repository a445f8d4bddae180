namespace DataCustody.Sdk.Models;

/// <summary>Whether a holder still has a category of a person's data.</summary>
public enum HoldingStatus
{
    /// <summary>The holder has the data.</summary>
    Holding,

    /// <summary>The holder deleted it.</summary>
    Deleted,

    /// <summary>The holder must delete it; the deadline has not passed.</summary>
    DeletionDue,

    /// <summary>The holder should have deleted it and has not.</summary>
    DeletionOverdue,
}

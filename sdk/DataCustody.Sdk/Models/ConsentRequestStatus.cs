namespace DataCustody.Sdk.Models;

/// <summary>Where a consent request stands.</summary>
public enum ConsentRequestStatus
{
    /// <summary>Waiting for the person.</summary>
    Pending,

    /// <summary>The person approved it, which granted a consent.</summary>
    Approved,

    /// <summary>The person declined it.</summary>
    Rejected,
}

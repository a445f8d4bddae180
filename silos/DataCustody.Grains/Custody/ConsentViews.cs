namespace DataCustody.Grains.Custody;

/// <summary>The statuses stored in the projections, as the API's enums.</summary>
internal static class ConsentViews
{
    public static ConsentStatus Status(string stored) => stored switch
    {
        "active" => ConsentStatus.Active,
        "revoked" => ConsentStatus.Revoked,
        "expired" => ConsentStatus.Expired,
        _ => throw new InvalidDataException($"Unknown consent status '{stored}'."),
    };

    public static ConsentRequestStatus RequestStatus(string stored) => stored switch
    {
        "pending" => ConsentRequestStatus.Pending,
        "approved" => ConsentRequestStatus.Approved,
        "rejected" => ConsentRequestStatus.Rejected,
        _ => throw new InvalidDataException($"Unknown consent request status '{stored}'."),
    };
}

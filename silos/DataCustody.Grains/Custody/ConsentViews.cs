using DataCustody.Grains.Statements;
using DataCustody.Storage.Custody;

namespace DataCustody.Grains.Custody;

/// <summary>Consents and consent requests as stored in the projections, as the API's records and enums.</summary>
internal static class ConsentViews
{
    /// <summary>
    /// A consent row with the terms and time of the statement that granted it, and its status at
    /// <paramref name="now"/>: expired once past its expiry, before the sweep logs that.
    /// </summary>
    public static ConsentView From(ConsentRow row, DateTimeOffset now)
    {
        var granted = StoredStatement.Parse<ConsentGranted>(row.Statement);
        var status = row.Status == "active" && !ConsentRules.IsActive(row, now) ? ConsentStatus.Expired : Status(row.Status);
        return new ConsentView(row.ConsentId, row.Holder, row.Handle, granted.Terms, status,
            granted.IssuedAt, row.GrantedIndex, row.EndedIndex, row.RequestId);
    }

    private static ConsentStatus Status(string stored) => stored switch
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

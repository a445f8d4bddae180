using DataCustody.Grains.Custody;

namespace DataCustody.Grains.Compliance;

/// <summary>
/// The regulator's compliance views and a provider's APPI records, read from the projections.
/// Stateless: any number of activations answer beside the custody grains.
/// </summary>
[Alias("DataCustody.Compliance.IComplianceGrain")]
public interface IComplianceGrain : IGrainWithIntegerKey
{
    /// <summary>Transfers made on the basis of consent without a consent that allowed them, in log order.</summary>
    [Alias("GetUnconsentedTransfers")]
    Task<CompliancePage<UnconsentedTransfer>> GetUnconsentedTransfers(PageCursor? after, int limit);

    /// <summary>Hops only the sender or only the recipient reported, oldest first.</summary>
    [Alias("GetUnconfirmedHops")]
    Task<CompliancePage<UnconfirmedHop>> GetUnconfirmedHops(PageCursor? after, int limit);

    /// <summary>Deletion obligations whose deadline passed without a deletion, by deadline.</summary>
    [Alias("GetOverdueDeletions")]
    Task<CompliancePage<ObligationView>> GetOverdueDeletions(PageCursor? after, int limit);

    /// <summary>Holders whose current protection profile claims a certification that expired before today (UTC).</summary>
    [Alias("GetExpiredCertifications")]
    Task<CompliancePage<ExpiredCertifications>> GetExpiredCertifications(PageCursor? after, int limit);

    /// <summary>
    /// APPI article 29 records of <paramref name="providerId"/>: the hops it reported sending from
    /// <paramref name="from"/> (inclusive) to <paramref name="until"/> (exclusive), by time.
    /// </summary>
    [Alias("GetProvisionRecords")]
    Task<CompliancePage<ProvisionRecord>> GetProvisionRecords(string providerId, DateTimeOffset from, DateTimeOffset until, PageCursor? after, int limit);

    /// <summary>
    /// APPI article 30 records of <paramref name="providerId"/>: the hops it reported receiving from
    /// <paramref name="from"/> (inclusive) to <paramref name="until"/> (exclusive), by time.
    /// </summary>
    [Alias("GetReceiptRecords")]
    Task<CompliancePage<ReceiptRecord>> GetReceiptRecords(string providerId, DateTimeOffset from, DateTimeOffset until, PageCursor? after, int limit);
}

/// <summary>Bounds of the compliance views' pages.</summary>
public static class ComplianceLimits
{
    /// <summary>The most rows one page holds.</summary>
    public const int MaxPage = 1000;

    /// <summary>The rows a page holds when the caller does not say.</summary>
    public const int DefaultPage = 100;
}

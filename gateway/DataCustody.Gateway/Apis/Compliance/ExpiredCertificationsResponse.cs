using DataCustody.Grains.Compliance;

namespace DataCustody.Gateway.Apis.Compliance;

/// <summary>A holder whose current protection profile claims certifications that expired.</summary>
/// <param name="Provider">The holder.</param>
/// <param name="ProfileVersion">The profile version in force.</param>
/// <param name="Level">The protection level it declares.</param>
/// <param name="DeclaredAt">When the broker recorded that version.</param>
/// <param name="EntryIndex">The log entry of that version.</param>
/// <param name="Certifications">The certifications whose last valid day is before today (UTC).</param>
public sealed record ExpiredCertificationsResponse(
    CounterpartyResponse Provider, long ProfileVersion, int Level, DateTimeOffset DeclaredAt, long EntryIndex, IReadOnlyList<CertificationResponse> Certifications)
{
    internal static ExpiredCertificationsResponse From(ExpiredCertifications e) =>
        new(CounterpartyResponse.From(e.Provider), e.ProfileVersion, e.Level, e.DeclaredAt, e.EntryIndex, [.. e.Certifications.Select(CertificationResponse.From)]);
}

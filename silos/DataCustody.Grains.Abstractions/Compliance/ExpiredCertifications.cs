using DataCustody.Grains.Custody;
using DataCustody.Grains.Statements;

namespace DataCustody.Grains.Compliance;

/// <summary>A holder whose current protection profile claims certifications that expired.</summary>
/// <param name="Provider">The holder.</param>
/// <param name="ProfileVersion">The profile version in force.</param>
/// <param name="Level">The protection level it declares.</param>
/// <param name="DeclaredAt">When the broker recorded that version.</param>
/// <param name="EntryIndex">The log entry of that version.</param>
/// <param name="Certifications">The claimed certifications whose last valid day is before today.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Compliance.ExpiredCertifications")]
public sealed record ExpiredCertifications(
    [property: Id(0)] ProviderRecord Provider,
    [property: Id(1)] long ProfileVersion,
    [property: Id(2)] int Level,
    [property: Id(3)] DateTimeOffset DeclaredAt,
    [property: Id(4)] long EntryIndex,
    [property: Id(5)] IReadOnlyList<Certification> Certifications);

namespace DataCustody.Grains.Statements;

/// <summary>A certification a provider holds, part of its protection profile.</summary>
/// <param name="Scheme">The scheme.</param>
/// <param name="Identifier">The certificate or registration number (1-200 characters).</param>
/// <param name="ValidUntil">The last day the certificate is valid.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.Certification")]
public sealed record Certification(
    [property: Id(0)] CertificationScheme Scheme,
    [property: Id(1)] string Identifier,
    [property: Id(2)] DateOnly ValidUntil);

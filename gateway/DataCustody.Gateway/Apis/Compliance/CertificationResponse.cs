namespace DataCustody.Gateway.Apis.Compliance;

/// <summary>A certification as a profile statement names it.</summary>
/// <param name="Scheme">The scheme's wire name: <c>iso27001</c>, <c>privacy-mark</c>, <c>soc2</c> or <c>other</c>.</param>
/// <param name="Identifier">The certificate or registration number.</param>
/// <param name="ValidUntil">Its last valid day.</param>
public sealed record CertificationResponse(string Scheme, string Identifier, DateOnly ValidUntil)
{
    internal static CertificationResponse From(Certification c) => new(CertificationSchemes.ToKey(c.Scheme), c.Identifier, c.ValidUntil);
}

namespace DataCustody.Grains.Statements;

/// <summary>The wire names of <see cref="CertificationScheme"/>.</summary>
public static class CertificationSchemes
{
    /// <summary>Reads a wire name, matched exactly.</summary>
    public static bool TryParse(string text, out CertificationScheme scheme)
    {
        CertificationScheme? parsed = text switch
        {
            "iso27001" => CertificationScheme.Iso27001,
            "privacy-mark" => CertificationScheme.PrivacyMark,
            "soc2" => CertificationScheme.Soc2,
            "other" => CertificationScheme.Other,
            _ => null,
        };
        scheme = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }

    /// <summary>The wire name of <paramref name="scheme"/>.</summary>
    public static string ToKey(CertificationScheme scheme) => scheme switch
    {
        CertificationScheme.Iso27001 => "iso27001",
        CertificationScheme.PrivacyMark => "privacy-mark",
        CertificationScheme.Soc2 => "soc2",
        CertificationScheme.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Not a certification scheme."),
    };
}

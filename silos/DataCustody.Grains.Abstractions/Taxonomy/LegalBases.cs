namespace DataCustody.Grains.Taxonomy;

/// <summary>The wire names of <see cref="LegalBasis"/>: <c>consent</c>, <c>contract</c>, <c>legal_obligation</c>, <c>vital_interest</c>, <c>public_task</c>, <c>legitimate_interest</c>.</summary>
public static class LegalBases
{
    /// <summary>Reads a wire name; names are matched exactly (lower case).</summary>
    /// <returns><see langword="false"/> if <paramref name="text"/> names no legal basis.</returns>
    public static bool TryParse(string text, out LegalBasis basis)
    {
        ArgumentNullException.ThrowIfNull(text);
        LegalBasis? parsed = text switch
        {
            "consent" => LegalBasis.Consent,
            "contract" => LegalBasis.Contract,
            "legal_obligation" => LegalBasis.LegalObligation,
            "vital_interest" => LegalBasis.VitalInterest,
            "public_task" => LegalBasis.PublicTask,
            "legitimate_interest" => LegalBasis.LegitimateInterest,
            _ => null,
        };
        basis = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }

    /// <summary>The wire name of <paramref name="basis"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="basis"/> is not a defined value.</exception>
    public static string ToKey(LegalBasis basis) => basis switch
    {
        LegalBasis.Consent => "consent",
        LegalBasis.Contract => "contract",
        LegalBasis.LegalObligation => "legal_obligation",
        LegalBasis.VitalInterest => "vital_interest",
        LegalBasis.PublicTask => "public_task",
        LegalBasis.LegitimateInterest => "legitimate_interest",
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "Not a legal basis."),
    };
}

namespace DataCustody.Storage.Custody;

/// <summary>
/// The stable codes of the rules a recorded statement can break (documented in <c>docs/statements.md</c>).
/// The grains flag entries with them and regulators' views select by them, so both read them from here.
/// </summary>
public static class ViolationCodes
{
    /// <summary>Data collected or passed on without a consent that covers it.</summary>
    public const string NoConsent = "no-consent";

    /// <summary>Data passed on that the log does not show the sender holding, by a copy of its category or of one above.</summary>
    public const string NotHeld = "not-held";

    /// <summary>A transfer under terms that neither side declared.</summary>
    public const string UnknownTerms = "unknown-terms";

    /// <summary>A recipient acknowledged categories the sender did not report sending.</summary>
    public const string CategoriesDiffer = "categories-differ";

    /// <summary>A deletion that names an obligation but leaves some of its categories held.</summary>
    public const string ObligationNotFulfilled = "obligation-not-fulfilled";
}

namespace DataCustody.Grains.Taxonomy;

/// <summary>
/// Which fideslang data categories are special under Japanese and European law. A rule's key covers its
/// descendants, so <c>user.health_and_medical.genetic</c> is special because <c>user.health_and_medical</c> is.
/// </summary>
/// <remarks>
/// <para>
/// APPI art. 2(3) and Cabinet Order art. 2 define special-care-required personal information (要配慮個人情報):
/// race, creed (信条: religious and political belief alike), social status, medical history, criminal
/// record, having been harmed by a crime, physical, intellectual or mental disability, the results of
/// health checks (genetic tests included), medical guidance, diagnosis, treatment or dispensing, and
/// criminal or juvenile proceedings against the person. GDPR art. 9(1) lists racial or ethnic origin,
/// political opinions, religious or philosophical beliefs, trade union membership, genetic data,
/// biometric data for the purpose of uniquely identifying a person, health, and sex life or sexual orientation.
/// </para>
/// <para>
/// The rules below are the fideslang keys (as of the shipped files) that fall under those lists. Where a key
/// may or may not fall under an item, it is flagged: missing a special category understates a breach,
/// flagging one too many only asks for more care. Hence:
/// <list type="bullet">
/// <item>everything under <c>user.health_and_medical</c> is special under both laws, even the insurance and
/// record identifiers, which disclose that the person is a patient or insured for care;</item>
/// <item><c>user.biometric</c> (fingerprint, retina, voice templates) and <c>user.authorization.biometric</c>
/// (biometric credentials) are GDPR art. 9 data: the broker cannot see the purpose, and encoded biometric
/// characteristics and biometric credentials exist to recognise or authenticate a person, which is
/// identification in the sense of arts. 4(14) and 9(1). Under the APPI biometric data are identification
/// codes (art. 2(2)), not special-care data, except <c>user.biometric.health</c>, which is health data;</item>
/// <item><c>user.criminal_history</c> is APPI special-care data; in the GDPR criminal records are governed by
/// art. 10, not art. 9, so it carries no GDPR flag;</item>
/// <item><c>user.demographic.sexual_orientation</c> is in GDPR art. 9 but not in the APPI list;</item>
/// <item>gender, marital status, age, nationality and government identifiers are in neither list.</item>
/// </list>
/// fideslang has no keys for trade union membership, sex life, social status, disability or being a crime
/// victim; data of those kinds falls under the nearest key above (disability and sex life under
/// <c>user.health_and_medical</c>).
/// </para>
/// </remarks>
internal static class SensitiveCategories
{
    private const SensitiveData Both = SensitiveData.AppiSpecialCare | SensitiveData.GdprArticle9;

    /// <summary>The category keys that are special themselves, with their descendants.</summary>
    public static IReadOnlyList<(string Key, SensitiveData Sensitivity)> Rules { get; } =
    [
        ("user.health_and_medical", Both),
        ("user.biometric", SensitiveData.GdprArticle9),
        ("user.biometric.health", Both),
        ("user.authorization.biometric", SensitiveData.GdprArticle9),
        ("user.criminal_history", SensitiveData.AppiSpecialCare),
        ("user.demographic.political_opinion", Both),
        ("user.demographic.race_ethnicity", Both),
        ("user.demographic.religious_belief", Both),
        ("user.demographic.sexual_orientation", SensitiveData.GdprArticle9),
    ];

    /// <summary>The flags of <paramref name="key"/>: those of every rule that covers it.</summary>
    public static SensitiveData Of(string key)
    {
        var sensitivity = SensitiveData.None;
        foreach (var (ruleKey, ruleSensitivity) in Rules)
        {
            if (FideslangTaxonomy.Covers(ruleKey, key))
            {
                sensitivity |= ruleSensitivity;
            }
        }
        return sensitivity;
    }
}

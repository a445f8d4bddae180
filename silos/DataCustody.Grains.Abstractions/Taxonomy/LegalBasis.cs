namespace DataCustody.Grains.Taxonomy;

/// <summary>
/// The ground on which a hop processes personal data: the six lawful bases of GDPR art. 6(1). Japan's APPI
/// makes consent the rule and lists exceptions (laws and regulations, protection of life, public tasks;
/// arts. 18(3), 27(1)); a hop under the APPI states consent or the basis its exception corresponds to.
/// </summary>
/// <remarks>The wire names (<c>consent</c>, <c>legal_obligation</c>, ...) are in <see cref="LegalBases"/>.</remarks>
[GenerateSerializer, Alias("DataCustody.Taxonomy.LegalBasis")]
public enum LegalBasis
{
    /// <summary>The person consented (GDPR art. 6(1)(a)).</summary>
    Consent,

    /// <summary>Needed to perform a contract with the person (art. 6(1)(b)).</summary>
    Contract,

    /// <summary>Needed to comply with a legal obligation (art. 6(1)(c)).</summary>
    LegalObligation,

    /// <summary>Needed to protect someone's vital interests (art. 6(1)(d)).</summary>
    VitalInterest,

    /// <summary>Needed for a task in the public interest or in official authority (art. 6(1)(e)).</summary>
    PublicTask,

    /// <summary>Needed for a legitimate interest not overridden by the person's rights (art. 6(1)(f)).</summary>
    LegitimateInterest,
}

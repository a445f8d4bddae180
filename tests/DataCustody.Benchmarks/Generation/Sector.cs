namespace DataCustody.Benchmarks.Generation;

/// <summary>
/// A line of business: the fideslang categories its providers collect and the purposes they
/// collect them for. Health, employment and finance include special-care (sensitive) categories,
/// so that breaches over the generated data have sensitive counts.
/// </summary>
internal sealed record Sector(string Name, IReadOnlyList<string> Categories, IReadOnlyList<string> Purposes)
{
    /// <summary>The hosts: the largest holders, which receive data from others and collect none themselves.</summary>
    public static Sector Cloud { get; } = new("cloud", ["user.account.username", "user.contact.email"], ["essential.service.operations"]);

    /// <summary>The sectors of providers that collect data from people.</summary>
    public static IReadOnlyList<Sector> Collecting { get; } =
    [
        new("retail", ["user.name", "user.contact.email", "user.contact.address", "user.contact.phone_number", "user.financial.credit_card", "user.behavior.purchase_history"], ["essential.service", "marketing.advertising.first_party"]),
        new("health", ["user.name", "user.contact.address", "user.demographic.date_of_birth", "user.health_and_medical.record_id", "user.health_and_medical.insurance_beneficiary_id", "user.health_and_medical.genetic"], ["essential.service"]),
        new("finance", ["user.name", "user.contact.address", "user.demographic.date_of_birth", "user.financial.bank_account", "user.government_id.national_identification_number"], ["essential.service.payment_processing", "essential.legal_obligation"]),
        new("telecom", ["user.name", "user.contact.phone_number", "user.device.device_id", "user.location.precise"], ["essential.service"]),
        new("advertising", ["user.device.cookie_id", "user.behavior.browsing_history", "user.demographic.age_range", "user.location.imprecise"], ["marketing.advertising.profiling"]),
        new("employment", ["user.name", "user.contact.email", "user.government_id.passport_number", "user.criminal_history", "user.demographic.religious_belief"], ["employment.recruitment"]),
        new("education", ["user.name", "user.contact.email", "user.demographic.date_of_birth"], ["essential.service"]),
    ];
}

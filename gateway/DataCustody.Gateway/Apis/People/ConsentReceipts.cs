using System.Globalization;
using DataCustody.Grains.Custody;
using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;

namespace DataCustody.Gateway.Apis.People;

/// <summary>
/// Maps a consent to a Kantara Consent Receipt v1.1: fideslang data uses to the specification's
/// purpose categories, fideslang data categories to its PII categories, and sensitive categories to
/// <c>spiCat</c>. The person is named by the holder's pairwise handle, never by the person id.
/// </summary>
public static class ConsentReceipts
{
    // Longest matching key wins, so specific rules go before their parents only for readability.
    private static readonly (string Key, string Category)[] PurposeCategories =
    [
        ("essential.legal_obligation", "Legally Required Data Retention"),
        ("essential.fraud_detection", "Protecting Our Interests"),
        ("essential.service", "Contracted Service"),
        ("essential", "Core Function"),
        ("functional.service", "Contracted Service"),
        ("functional", "Core Function"),
        ("employment", "Contracted Service"),
        ("finance", "Contracted Service"),
        ("marketing", "Marketing"),
        ("sales", "Marketing Third Parties"),
        ("third_party_sharing.legal_obligation", "Required by Law Enforcement or Government"),
        ("third_party_sharing", "3rd Party Sharing for Core Function"),
        ("personalize", "Personalized Experience"),
        ("analytics", "Improve Performance"),
        ("operations", "Improve Performance"),
        ("collect", "Improve Performance"),
        ("train_ai_system", "Improve Performance"),
    ];

    private static readonly (string Key, string Category)[] PiiCategories =
    [
        ("user.contact", "Contact"),
        ("user.name", "Biographical"),
        ("user.demographic.profile", "Profiling"),
        ("user.demographic", "Biographical"),
        ("user.childrens", "Biographical"),
        ("user.biometric", "Biometric"),
        ("user.authorization.biometric", "Biometric"),
        ("user.authorization", "Network/Service"),
        ("user.account", "Membership"),
        ("user.content", "Communications/Social"),
        ("user.social", "Communications/Social"),
        ("user.device", "Network/Service"),
        ("user.telemetry", "Network/Service"),
        ("user.unique_id", "Network/Service"),
        ("user.sensor", "Network/Service"),
        ("user.user_sensor", "Network/Service"),
        ("user.location", "Network/Service"),
        ("user.health_and_medical", "Health"),
        ("user.financial", "Financial"),
        ("user.payment", "Financial"),
        ("user.government_id", "Official ID"),
        ("user.criminal_history", "Judicial"),
        ("user.workplace", "HR"),
        ("user.job_title", "HR"),
        ("user.behavior", "Behavioral"),
        ("user.privacy_preferences", "Profiling"),
        ("system", "Network/Service"),
    ];

    /// <summary>The receipt of <paramref name="consent"/>, given to <paramref name="holder"/>.</summary>
    /// <param name="consent">The consent, as its person sees it.</param>
    /// <param name="holder">The holder's registration: the PII controller.</param>
    /// <param name="policyUrl">Where the privacy policy the receipt refers to is published.</param>
    /// <param name="language">The receipt's language (ISO 639-1).</param>
    public static ConsentReceipt Build(ConsentView consent, ProviderRecord holder, string policyUrl, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(consent);
        ArgumentNullException.ThrowIfNull(holder);
        var taxonomy = FideslangTaxonomy.Default;
        var terms = consent.Terms;
        var categories = terms.Categories.Select(key => Category(taxonomy, key)).ToList();
        var piiCategories = categories.Select(c => PiiCategoryOf(c.Key)).Distinct().ToList();
        var disclosure = ThirdParties(terms.OnwardTransfer);
        var purposes = terms.Purposes.Select(key =>
        {
            var name = taxonomy.TryResolveUse(key, out var use, out _) ? use.Name : key;
            return new ReceiptPurpose(
                $"{name} ({key})",
                [Best(PurposeCategories, key) ?? "Core Function"],
                "EXPLICIT",
                piiCategories,
                PrimaryPurpose: key == "essential" || key.StartsWith("essential.", StringComparison.Ordinal),
                Termination(consent),
                terms.OnwardTransfer.Allowed,
                disclosure);
        }).ToList();
        var sensitive = categories.Where(c => c.IsSensitive).Select(c => $"{c.Name} ({c.Key})").Distinct().ToList();
        var registration = holder.Registration;
        return new ConsentReceipt(
            ConsentReceipt.SpecificationVersion,
            registration.Jurisdiction,
            consent.GrantedAt.ToUnixTimeSeconds(),
            consent.RequestId is null
                ? "Granted by the person through the DataCustody broker"
                : $"Approved by the person through the DataCustody broker, at the holder's request {consent.RequestId}",
            consent.ConsentId,
            PublicKey: null,
            language,
            consent.Handle,
            [new ReceiptPiiController(
                registration.Name,
                registration.Contact,
                Address: null,
                Email: LooksLikeEmail(registration.Contact) ? registration.Contact : null,
                Phone: null)],
            policyUrl,
            [new ReceiptService($"{registration.Name} ({holder.ProviderId})", purposes)],
            sensitive.Count > 0,
            sensitive);
    }

    /// <summary>The Kantara PII category of a fideslang data category key.</summary>
    public static string PiiCategoryOf(string categoryKey) => Best(PiiCategories, categoryKey) ?? "Biographical";

    /// <summary>The Kantara purpose category of a fideslang data use key.</summary>
    public static string PurposeCategoryOf(string useKey) => Best(PurposeCategories, useKey) ?? "Core Function";

    private static DataCategory Category(FideslangTaxonomy taxonomy, string key) =>
        taxonomy.TryResolveCategory(key, out var category, out _)
            ? category
            : new DataCategory(key, key, null, "", SensitiveData.None);

    private static string? Best((string Key, string Category)[] rules, string key) =>
        rules.Where(r => FideslangTaxonomy.Covers(r.Key, key)).OrderByDescending(r => r.Key.Length).Select(r => r.Category).FirstOrDefault();

    private static string? ThirdParties(OnwardTransfer onward)
    {
        if (!onward.Allowed)
        {
            return null;
        }
        var parts = new List<string>();
        if (onward.Recipients.Count > 0)
        {
            parts.Add(string.Join(", ", onward.Recipients));
        }
        if (onward.MinimumLevel is { } level)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"any recipient declaring protection level {level} or higher"));
        }
        var names = string.Join("; ", parts);
        return onward.TermsSha256.Count > 0
            ? $"{names}, under model-contract terms {string.Join(", ", onward.TermsSha256)}"
            : names;
    }

    private static string Termination(ConsentView consent) => string.Create(
        CultureInfo.InvariantCulture,
        $"Ends at {consent.Terms.ExpiresAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} unless withdrawn earlier (POST /api/v1/me/consents/{consent.ConsentId}/revoke); the holder may keep the data at most {consent.Terms.RetentionDays} days and must delete it when the consent is withdrawn.");

    private static bool LooksLikeEmail(string contact) =>
        contact.Count(c => c == '@') == 1 && !contact.Any(char.IsWhiteSpace) && contact.IndexOf('@') is > 0 and var at && at < contact.Length - 1;
}

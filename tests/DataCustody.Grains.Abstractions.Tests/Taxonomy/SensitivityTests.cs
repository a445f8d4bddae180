using DataCustody.Grains.Taxonomy;

namespace DataCustody.Grains.Abstractions.Tests.Taxonomy;

public sealed class SensitivityTests
{
    private const SensitiveData Appi = SensitiveData.AppiSpecialCare;
    private const SensitiveData Gdpr = SensitiveData.GdprArticle9;
    private const SensitiveData Both = Appi | Gdpr;

    public static TheoryData<string, SensitiveData> Flags => new()
    {
        { "user.health_and_medical", Both },
        { "user.health_and_medical.genetic", Both },
        { "user.health_and_medical.record_id", Both },
        { "user.health_and_medical.insurance_beneficiary_id", Both },
        { "user.biometric", Gdpr },
        { "user.biometric.fingerprint", Gdpr },
        { "user.biometric.retinal", Gdpr },
        { "user.biometric.voice", Gdpr },
        { "user.biometric.health", Both },
        { "user.authorization.biometric", Gdpr },
        { "user.criminal_history", Appi },
        { "user.demographic.religious_belief", Both },
        { "user.demographic.political_opinion", Both },
        { "user.demographic.race_ethnicity", Both },
        { "user.demographic.sexual_orientation", Gdpr },
        { "user", SensitiveData.None },
        { "user.demographic", SensitiveData.None },
        { "user.demographic.gender", SensitiveData.None },
        { "user.demographic.marital_status", SensitiveData.None },
        { "user.demographic.date_of_birth", SensitiveData.None },
        { "user.authorization", SensitiveData.None },
        { "user.authorization.password", SensitiveData.None },
        { "user.contact.email", SensitiveData.None },
        { "user.financial.bank_account", SensitiveData.None },
        { "user.government_id.immigration", SensitiveData.None },
        { "user.government_id.national_identification_number", SensitiveData.None },
        { "user.content.self_image", SensitiveData.None },
        { "user.childrens", SensitiveData.None },
        { "system.authentication", SensitiveData.None },
    };

    [Theory]
    [MemberData(nameof(Flags))]
    public void Categories_carry_the_special_care_flags_of_japanese_and_european_law(string key, SensitiveData expected)
    {
        Assert.True(FideslangTaxonomy.Default.TryResolveCategory(key, out var category, out var error), error);
        Assert.Equal(expected, category.Sensitivity);
        Assert.Equal(expected != SensitiveData.None, category.IsSensitive);
    }

    [Fact]
    public void Every_rule_names_a_current_category()
    {
        var keys = FideslangTaxonomy.Default.Categories.Select(c => c.Key).ToHashSet();

        Assert.All(SensitiveCategories.Rules, rule => Assert.Contains(rule.Key, keys));
    }

    [Fact]
    public void A_category_is_at_least_as_sensitive_as_its_parent()
    {
        var byKey = FideslangTaxonomy.Default.Categories.ToDictionary(c => c.Key);

        Assert.All(
            byKey.Values.Where(c => c.ParentKey is not null),
            c => Assert.Equal(byKey[c.ParentKey!].Sensitivity, c.Sensitivity & byKey[c.ParentKey!].Sensitivity));
    }
}

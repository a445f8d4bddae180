namespace DataCustody.Grains.Taxonomy;

/// <summary>The laws under which a data category is special: more consent, more care, a heavier breach.</summary>
[Flags]
[GenerateSerializer, Alias("DataCustody.Taxonomy.SensitiveData")]
public enum SensitiveData
{
    /// <summary>Ordinary personal data.</summary>
    None = 0,

    /// <summary>Special-care-required personal information (要配慮個人情報) under Japan's APPI art. 2(3).</summary>
    AppiSpecialCare = 1,

    /// <summary>A special category of personal data under GDPR art. 9(1).</summary>
    GdprArticle9 = 2,
}

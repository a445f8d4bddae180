namespace DataCustody.Grains.Statements;

/// <summary>The certification schemes a protection profile can name. Wire names: <c>iso27001</c>, <c>privacy-mark</c>, <c>soc2</c>, <c>other</c>.</summary>
[GenerateSerializer, Alias("DataCustody.Statements.CertificationScheme")]
public enum CertificationScheme
{
    /// <summary>ISO/IEC 27001 information security management system (<c>iso27001</c>).</summary>
    Iso27001,

    /// <summary>The Japanese Privacy Mark, JIS Q 15001 (<c>privacy-mark</c>).</summary>
    PrivacyMark,

    /// <summary>An AICPA SOC 2 report (<c>soc2</c>).</summary>
    Soc2,

    /// <summary>Any other scheme, named in the certificate identifier (<c>other</c>).</summary>
    Other,
}

using System.Text.RegularExpressions;

namespace DataCustody.Grains.Statements;

/// <summary>
/// The formats of identifiers and encoded values on the wire. docs/statements.schema.json repeats each
/// pattern with <c>$</c> for <c>\z</c>: in .NET <c>$</c> also matches before a final line feed. ASCII classes
/// are spelt out because .NET's <c>\d</c> also matches non-ASCII digits.
/// </summary>
internal static partial class WirePatterns
{
    /// <summary>A provider id: lower-case letters, digits, dots and hyphens, 2-63 characters.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,62}\\z")]
    public static partial Regex ProviderId();

    /// <summary>A statement id, unique per issuer.</summary>
    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}\\z")]
    public static partial Regex StatementId();

    /// <summary>A pairwise handle: <c>h_</c> and 26 base32 characters (130 bits).</summary>
    [GeneratedRegex("^h_[a-z2-7]{26}\\z")]
    public static partial Regex Handle();

    /// <summary>A broker-made consent, request or obligation id: a short prefix, an underscore, 8-64 letters or digits.</summary>
    [GeneratedRegex("^[a-z]{2,4}_[A-Za-z0-9]{8,64}\\z")]
    public static partial Regex BrokerId();

    /// <summary>A breach id: <c>br_</c> and 8-64 letters or digits, chosen by whoever files the breach.</summary>
    [GeneratedRegex("^br_[A-Za-z0-9]{8,64}\\z")]
    public static partial Regex BreachId();

    /// <summary>A SHA-256 hash in lower-case hex.</summary>
    [GeneratedRegex("^[0-9a-f]{64}\\z")]
    public static partial Regex Sha256();

    /// <summary>A key id.</summary>
    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}\\z")]
    public static partial Regex Kid();

    /// <summary>
    /// 32 bytes in unpadded base64url: 43 characters, the last of which carries 4 data bits and 2 zero bits,
    /// so that each key has exactly one spelling.
    /// </summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]\\z")]
    public static partial Regex Ed25519PublicKey();

    /// <summary>An RFC 3339 date-time with an offset and at most 7 fractional digits (100 ns, what <see cref="DateTimeOffset"/> holds).</summary>
    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,7})?(Z|[+-][0-9]{2}:[0-9]{2})\\z")]
    public static partial Regex Time();

    /// <summary>A calendar date.</summary>
    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}\\z")]
    public static partial Regex Date();
}

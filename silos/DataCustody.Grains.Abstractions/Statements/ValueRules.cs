using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using DataCustody.Grains.Taxonomy;

namespace DataCustody.Grains.Statements;

/// <summary>The rules for the JSON values of statements: JSON type, range, format.</summary>
internal static class ValueRules
{
    private const long MaxEntryIndex = (1L << 53) - 1;

    // Readers ask for the same few bounds on every statement: one rule per bounds, not a new closure per read.
    private static readonly ConcurrentDictionary<(int Min, int Max), ValueRule<string>> TextRules = new();

    public static readonly ValueRule<string> ProviderId =
        Matching(WirePatterns.ProviderId(), "a provider id: 2-63 characters a-z, 0-9, '.', '-', not starting with '.' or '-'");

    public static readonly ValueRule<string> StatementId =
        Matching(WirePatterns.StatementId(), "a statement id: 1-128 characters A-Z, a-z, 0-9, '.', '_', ':', '-'");

    public static readonly ValueRule<string> Handle =
        Matching(WirePatterns.Handle(), "a handle: 'h_' and 26 characters a-z, 2-7");

    public static readonly ValueRule<string> BrokerId =
        Matching(WirePatterns.BrokerId(), "an id of 2-4 letters a-z, '_', and 8-64 characters A-Z, a-z, 0-9");

    public static readonly ValueRule<string> BreachId =
        Matching(WirePatterns.BreachId(), "a breach id: 'br_' and 8-64 characters A-Z, a-z, 0-9");

    /// <summary>A count of people or records.</summary>
    public static readonly ValueRule<int> Count = Integer(0, 1_000_000_000);

    /// <summary>
    /// A log entry's index, such as a hop's id: from 0 to 2^53 - 1, the integers every JSON reader holds exactly.
    /// </summary>
    public static readonly ValueRule<long> EntryIndex = (JsonElement element, out long value) =>
    {
        value = 0;
        return NotAnInteger(element) ?? (element.TryGetInt64(out value) && value is >= 0 and <= MaxEntryIndex ? null : $"must be from 0 to {MaxEntryIndex}");
    };

    public static readonly ValueRule<string> Sha256 =
        Matching(WirePatterns.Sha256(), "a SHA-256 hash: 64 hex digits 0-9, a-f");

    public static readonly ValueRule<string> Kid =
        Matching(WirePatterns.Kid(), "a key id: 1-64 characters A-Z, a-z, 0-9, '.', '_', ':', '-'");

    public static readonly ValueRule<string> Ed25519PublicKey =
        Matching(WirePatterns.Ed25519PublicKey(), "a 32-byte Ed25519 public key in unpadded base64url (43 characters)");

    public static readonly ValueRule<bool> Boolean = (JsonElement element, out bool value) =>
    {
        value = element.ValueKind == JsonValueKind.True;
        return element.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "must be true or false";
    };

    public static readonly ValueRule<DateTimeOffset> Time = (JsonElement element, out DateTimeOffset value) =>
    {
        value = default;
        return ReadString(element, out var text)
            ?? (WireFormat.TryParseTime(text, out value) ? null : "must be an RFC 3339 time with an offset, such as 2026-04-01T09:30:00+09:00");
    };

    public static readonly ValueRule<DateOnly> Date = (JsonElement element, out DateOnly value) =>
    {
        value = default;
        return ReadString(element, out var text)
            ?? (WireFormat.TryParseDate(text, out value) ? null : "must be a date yyyy-MM-dd");
    };

    public static readonly ValueRule<string> Jurisdiction = (JsonElement element, out string value) =>
        ReadString(element, out value)
        ?? (Jurisdictions.IsAssigned(value) ? null : "must be an assigned ISO 3166-1 alpha-2 country code in upper case");

    public static readonly ValueRule<LegalBasis> LegalBasis = (JsonElement element, out LegalBasis value) =>
    {
        value = default;
        return ReadString(element, out var text)
            ?? (LegalBases.TryParse(text, out value) ? null
                : "must be consent, contract, legal_obligation, vital_interest, public_task or legitimate_interest");
    };

    public static readonly ValueRule<CertificationScheme> Scheme = (JsonElement element, out CertificationScheme value) =>
    {
        value = default;
        return ReadString(element, out var text)
            ?? (CertificationSchemes.TryParse(text, out value) ? null : "must be iso27001, privacy-mark, soc2 or other");
    };

    /// <summary>A string of <paramref name="min"/> to <paramref name="max"/> Unicode characters (code points, as JSON Schema counts).</summary>
    public static ValueRule<string> Text(int min, int max) => TextRules.GetOrAdd((min, max), static bounds => NewText(bounds.Min, bounds.Max));

    private static ValueRule<string> NewText(int min, int max) => (JsonElement element, out string value) =>
    {
        if (ReadString(element, out value) is { } reason)
        {
            return reason;
        }
        // Counted in a loop: LINQ's Count would box the enumerator for every value read.
        var length = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            length++;
        }
        return length < min ? (min == 1 ? "must not be empty" : $"must have at least {min} characters")
            : length > max ? $"must have at most {max} characters"
            : null;
    };

    /// <summary>One of <paramref name="names"/>, matched exactly.</summary>
    public static ValueRule<string> OneOf(IReadOnlyList<string> names) => (JsonElement element, out string value) =>
        ReadString(element, out value) ?? (names.Contains(value) ? null : $"must be {string.Join(", ", names.SkipLast(1))} or {names[^1]}");

    /// <summary>An integer from <paramref name="min"/> to <paramref name="max"/>, written without fraction or exponent.</summary>
    public static ValueRule<int> Integer(int min, int max) => (JsonElement element, out int value) =>
    {
        value = 0;
        return NotAnInteger(element) ?? (element.TryGetInt32(out value) && value >= min && value <= max ? null : $"must be from {min} to {max}");
    };

    /// <summary>A data category key, stored as its current key when deprecated.</summary>
    public static ValueRule<string> Category(FideslangTaxonomy taxonomy) => (JsonElement element, out string value) =>
    {
        if (ReadString(element, out value) is { } reason)
        {
            return reason;
        }
        if (!taxonomy.TryResolveCategory(value, out var category, out var error))
        {
            return error;
        }
        value = category.Key;
        return null;
    };

    /// <summary>A data use key, stored as its current key when deprecated.</summary>
    public static ValueRule<string> Use(FideslangTaxonomy taxonomy) => (JsonElement element, out string value) =>
    {
        if (ReadString(element, out value) is { } reason)
        {
            return reason;
        }
        if (!taxonomy.TryResolveUse(value, out var use, out var error))
        {
            return error;
        }
        value = use.Key;
        return null;
    };

    private static ValueRule<string> Matching(Regex pattern, string what) => (JsonElement element, out string value) =>
        ReadString(element, out value) ?? (pattern.IsMatch(value) ? null : "must be " + what);

    /// <summary>Reads a JSON string; <see langword="null"/> on success, else why not.</summary>
    private static string? ReadString(JsonElement element, out string value)
    {
        value = "";
        if (element.ValueKind != JsonValueKind.String)
        {
            return "must be a string";
        }
        try
        {
            value = element.GetString()!;
            return null;
        }
        catch (InvalidOperationException)
        {
            // Escapes of unpaired surrogates (\ud800) are well-formed JSON but no Unicode text.
            return "must be valid Unicode text";
        }
    }

    private static string? NotAnInteger(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number && IsPlainInteger(element.GetRawText()) ? null : "must be an integer";

    private static bool IsPlainInteger(string number) =>
        !number.Contains('.', StringComparison.Ordinal) && !number.Contains('e', StringComparison.OrdinalIgnoreCase);
}

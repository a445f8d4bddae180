using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataCustody.Grains.Ledger;

/// <summary>
/// One leaf of the log: a small versioned envelope around a signed statement. <see cref="Jws"/> is
/// the exact compact JWS the broker received from a provider (or signed itself, when
/// <see cref="By"/> is <see cref="Broker"/>); <see cref="Notes"/> are the broker's findings when it
/// recorded the statement. The envelope never holds a direct identifier of a person.
/// </summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Ledger.LogEntry")]
public sealed record LogEntry(
    [property: Id(0), JsonPropertyName("type")] string Type,
    [property: Id(1), JsonPropertyName("at")] long RecordedAtMs,
    [property: Id(2), JsonPropertyName("by")] string By,
    [property: Id(3), JsonPropertyName("jws")] string Jws,
    [property: Id(4), JsonPropertyName("notes")] EntryNotes? Notes)
{
    /// <summary>The envelope format this code writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The <see cref="By"/> of entries the broker made itself.</summary>
    public const string Broker = "broker";

    /// <summary>The envelope's format version, always first in the leaf.</summary>
    [JsonPropertyName("v"), JsonPropertyOrder(-1)]
    public int Version => FormatVersion;

    /// <summary>When the broker recorded the entry.</summary>
    [JsonIgnore]
    public DateTimeOffset RecordedAt => DateTimeOffset.FromUnixTimeMilliseconds(RecordedAtMs);

    /// <summary>The leaf bytes: compact UTF-8 JSON, members in a fixed order, absent notes left out.</summary>
    public byte[] ToLeaf() => JsonSerializer.SerializeToUtf8Bytes(this, LogEntryJsonContext.Default.LogEntry);

    /// <summary>
    /// Reads a leaf if it is an envelope at all (a JSON object with a version); returns false for
    /// leaves that are not, which the ledger may carry but the custody domain never writes.
    /// </summary>
    public static bool TryFromLeaf(ReadOnlySpan<byte> leaf, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LogEntry? entry)
    {
        entry = null;
        if (leaf.IsEmpty || leaf[0] != (byte)'{')
        {
            return false;
        }
        try
        {
            entry = FromLeaf(leaf);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Reads a leaf; throws <see cref="FormatException"/> for anything this version cannot read.</summary>
    public static LogEntry FromLeaf(ReadOnlySpan<byte> leaf)
    {
        using var document = JsonDocument.Parse(leaf.ToArray());
        if (!document.RootElement.TryGetProperty("v", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != FormatVersion)
        {
            throw new FormatException($"The entry is not a version {FormatVersion} envelope.");
        }
        return document.RootElement.Deserialize(LogEntryJsonContext.Default.LogEntry)
            ?? throw new FormatException("The entry is empty.");
    }
}

/// <summary>The broker's findings on a statement when it recorded it; every member is optional.</summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Ledger.EntryNotes")]
public sealed record EntryNotes
{
    /// <summary>Rules the statement broke; it was recorded because it describes what happened.</summary>
    [Id(0), JsonPropertyName("violations")]
    public IReadOnlyList<EntryViolation>? Violations { get; init; }

    /// <summary>The version a profile or terms statement became, or the profile version in force for a collection.</summary>
    [Id(1), JsonPropertyName("version")]
    public long? Version { get; init; }

    /// <summary>For a transfer: the handle the recipient knows the person by.</summary>
    [Id(2), JsonPropertyName("recipientHandle")]
    public string? RecipientHandle { get; init; }

    /// <summary>For a transfer or receipt: the sender's protection profile version in force.</summary>
    [Id(3), JsonPropertyName("senderProfile")]
    public long? SenderProfile { get; init; }

    /// <summary>For a transfer or receipt: the recipient's protection profile version in force.</summary>
    [Id(4), JsonPropertyName("recipientProfile")]
    public long? RecipientProfile { get; init; }

    /// <summary>For a receipt: the hop (entry index of the transfer) it confirms; for a transfer: the hop a receipt opened.</summary>
    [Id(5), JsonPropertyName("hop")]
    public long? Hop { get; init; }

    /// <summary>The consent the resulting copies depend on, if any.</summary>
    [Id(6), JsonPropertyName("rootConsent")]
    public string? RootConsent { get; init; }

    /// <summary>For a deletion: the obligations it answers.</summary>
    [Id(7), JsonPropertyName("answers")]
    public IReadOnlyList<string>? Answers { get; init; }

    /// <summary>For a receipt: the sender's handle of the person, when the transfer is known.</summary>
    [Id(8), JsonPropertyName("senderHandle")]
    public string? SenderHandle { get; init; }

    /// <summary>
    /// For a transfer that no consent allowed: by category, the consents the resulting copies inherit
    /// from the sender's; a category left out depends on none.
    /// </summary>
    [Id(9), JsonPropertyName("inheritedRoots")]
    public IReadOnlyList<InheritedRoots>? InheritedRoots { get; init; }

    /// <summary>
    /// For a transfer on a basis other than consent: the categories whose resulting copies stand on that
    /// basis of their own, because the sender held them (or a category above) on a basis of its own.
    /// </summary>
    [Id(10), JsonPropertyName("ownBasis")]
    public IReadOnlyList<string>? OwnBasis { get; init; }
}

/// <summary>A rule a recorded statement broke: a stable code and a sentence for people.</summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Ledger.EntryViolation")]
public sealed record EntryViolation(
    [property: Id(0), JsonPropertyName("code")] string Code,
    [property: Id(1), JsonPropertyName("detail")] string Detail);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LogEntry))]
internal sealed partial class LogEntryJsonContext : JsonSerializerContext;

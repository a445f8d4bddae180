using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Unicode;
using DataCustody.Grains.Taxonomy;

namespace DataCustody.Grains.Statements;

/// <summary>
/// Reads and writes statement payloads (docs/statements.md). Reading is strict: a payload is accepted only
/// if every member is known, present once, of the right JSON type, in range and well formed, and every data
/// category and data use is a fideslang key.
/// </summary>
public static class StatementCodec
{
    /// <summary>The deepest nesting a payload may have; the deepest valid one (a breach assessment's figure lists, such as <c>assessment.figures.upstream[0]</c>) has 5.</summary>
    public const int MaxDepth = 8;

    // A reader holds only its taxonomy's rules: one per taxonomy serves every payload, from any thread.
    private static readonly ConditionalWeakTable<FideslangTaxonomy, StatementReader> Readers = new();

    /// <summary>
    /// Reads a statement of any type. Deprecated fideslang keys are stored as their successors. On failure the
    /// result lists every problem found (up to 100), each under the JSON path of its member.
    /// </summary>
    public static StatementParseResult Parse(ReadOnlySpan<byte> json) => Parse(json, FideslangTaxonomy.Default);

    /// <summary>Reads a statement against <paramref name="taxonomy"/> instead of the embedded one.</summary>
    internal static StatementParseResult Parse(ReadOnlySpan<byte> json, FideslangTaxonomy taxonomy)
    {
        // The JSON reader checks structure, not that the bytes inside strings are UTF-8.
        if (!Utf8.IsValid(json))
        {
            return Failure(StatementError.Payload, "must be UTF-8 text");
        }
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
            document = JsonDocument.ParseValue(ref reader);
            // ParseValue stops after one value; reading on throws on anything but trailing white space.
            reader.Read();
        }
        catch (JsonException e)
        {
            return Failure(StatementError.Payload, "must be a single well-formed JSON value: " + e.Message);
        }
        using (document)
        {
            var errors = new ParseErrors();
            var statement = Readers.GetValue(taxonomy, static t => new StatementReader(t)).Read(document.RootElement, errors);
            if (statement is not null && errors.Count == 0)
            {
                StatementChecks.Check(statement, errors);
            }
            return statement is not null && errors.Count == 0
                ? StatementParseResult.Success(statement)
                : StatementParseResult.Failure(errors.Errors);
        }
    }

    /// <summary>
    /// The canonical JSON of <paramref name="statement"/>: compact, camelCase members in the documented
    /// order, optional members only when set, times in UTC. The broker signs these bytes for its own statements.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="statement"/> breaks a rule of the format, so <see cref="Parse(ReadOnlySpan{byte})"/> would reject it.</exception>
    public static byte[] Serialize(Statement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var json = StatementWriter.Write(statement);
        // Nothing invalid may be signed: the check is the parser itself, so writer and reader cannot drift apart.
        var result = Parse(json);
        if (!result.IsValid)
        {
            throw new ArgumentException(
                "The statement is not valid: " + string.Join("; ", result.Errors.Select(e => $"{e.Field} {e.Reason}")),
                nameof(statement));
        }
        return json;
    }

    /// <summary>Whether <paramref name="type"/> is a type that providers sign (as opposed to the broker, or no type at all).</summary>
    public static bool IsProviderType(string type) => StatementTypes.ProviderTypes.Contains(type);

    private static StatementParseResult Failure(string field, string reason) => StatementParseResult.Failure([new StatementError(field, reason)]);
}

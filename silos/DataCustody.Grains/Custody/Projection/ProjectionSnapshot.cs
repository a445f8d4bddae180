using System.Globalization;
using Dapper;
using DataCustody.Storage;

namespace DataCustody.Grains.Custody.Projection;

/// <summary>
/// Every row of every custody projection table of one database, as canonical text, so that two
/// databases (of either dialect) can be compared: the live tables with a rebuild from the log.
/// </summary>
/// <remarks>
/// Tables are read one after another, not in one transaction: take a snapshot while nothing
/// appends, or check that the log did not grow meanwhile.
/// </remarks>
public sealed class ProjectionSnapshot
{
    private const string NoColumn = "(no such column)";

    private readonly IReadOnlyDictionary<string, IReadOnlyList<Row>> _tables;

    private ProjectionSnapshot(IReadOnlyDictionary<string, IReadOnlyList<Row>> tables) => _tables = tables;

    /// <summary>A projection table and its primary key columns.</summary>
    public sealed record Table(string Name, IReadOnlyList<string> Key);

    /// <summary>
    /// The tables derived from the log alone. The broker's private registry (people,
    /// person_handles, inbox) is not among them: the log cannot rebuild it.
    /// </summary>
    public static IReadOnlyList<Table> Tables { get; } =
    [
        new("providers", ["provider_id"]),
        new("provider_keys", ["provider_id", "kid"]),
        new("provider_profiles", ["provider_id", "version"]),
        new("provider_terms", ["provider_id", "sha256"]),
        new("statements", ["provider_id", "statement_id"]),
        new("handles", ["handle"]),
        new("consent_requests", ["request_id"]),
        new("consents", ["consent_id"]),
        new("hops", ["hop_id"]),
        new("holdings", ["holder", "handle", "category", "acquired_index"]),
        new("obligations", ["obligation_id"]),
        new("violations", ["entry_index", "code"]),
        new("breaches", ["breach_id"]),
        new("breach_entries", ["breach_id", "entry_index"]),
        new("breach_reviews", ["obligation_id"]),
    ];

    /// <summary>Reads every projection table of <paramref name="database"/>, each in primary key order.</summary>
    public static async Task<ProjectionSnapshot> ReadAsync(Database database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var tables = new Dictionary<string, IReadOnlyList<Row>>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var table in Tables)
        {
            var command = new CommandDefinition($"SELECT * FROM {table.Name} ORDER BY {string.Join(", ", table.Key)}", cancellationToken: cancellationToken);
            var rows = await connection.QueryAsync(command).ConfigureAwait(false);
            tables[table.Name] = [.. rows.Select(row => Canonical(table, (IDictionary<string, object?>)row))];
        }
        return new ProjectionSnapshot(tables);
    }

    /// <summary>How many rows <paramref name="table"/> holds.</summary>
    public int RowCount(string table) => _tables[table].Count;

    /// <summary>
    /// Where <paramref name="other"/> differs from this snapshot, one line per missing row or
    /// differing value, naming table, key, column and both values; empty when they are equal.
    /// </summary>
    public IReadOnlyList<string> Differences(ProjectionSnapshot other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var differences = new List<string>();
        foreach (var table in Tables)
        {
            // Matched by key rather than by position: the two databases may collate text differently.
            var theirs = other._tables[table.Name].ToDictionary(row => row.Key, StringComparer.Ordinal);
            foreach (var row in _tables[table.Name])
            {
                if (!theirs.Remove(row.Key, out var match))
                {
                    differences.Add($"{table.Name} [{row.Key}]: missing from the other snapshot");
                    continue;
                }
                foreach (var column in row.Values.Keys.Union(match.Values.Keys).Order(StringComparer.Ordinal))
                {
                    var mine = row.Values.GetValueOrDefault(column, NoColumn);
                    var their = match.Values.GetValueOrDefault(column, NoColumn);
                    if (mine != their)
                    {
                        differences.Add($"{table.Name} [{row.Key}] {column}: {mine} here, {their} in the other snapshot");
                    }
                }
            }
            differences.AddRange(theirs.Keys.Select(key => $"{table.Name} [{key}]: only in the other snapshot"));
        }
        return differences;
    }

    private static Row Canonical(Table table, IDictionary<string, object?> row)
    {
        var values = row.ToDictionary(pair => pair.Key, pair => Canonical(pair.Value), StringComparer.Ordinal);
        return new Row(string.Join(", ", table.Key.Select(column => $"{column}={values[column]}")), values);
    }

    // SQLite and PostgreSQL return the same value as different CLR types; the text is the same.
    private static string Canonical(object? value) => value switch
    {
        null => "null",
        long or int or short => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        // PostgreSQL's boolean is SQLite's integer 0 or 1.
        bool flag => flag ? "1" : "0",
        // Quoted, so that the text "null" is not a NULL.
        string text => $"\"{text}\"",
        byte[] bytes => $"x'{Convert.ToHexStringLower(bytes)}'",
        _ => throw new NotSupportedException($"A projection column holds a {value.GetType().Name}, which snapshots cannot compare."),
    };

    private sealed record Row(string Key, IReadOnlyDictionary<string, string> Values);
}

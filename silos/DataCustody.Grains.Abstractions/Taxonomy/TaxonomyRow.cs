namespace DataCustody.Grains.Taxonomy;

/// <summary>One key of a fideslang CSV file, categories and uses alike.</summary>
/// <param name="Key">The dotted key (<c>fides_key</c>).</param>
/// <param name="Name">The human-readable name.</param>
/// <param name="ParentKey">The enclosing key, or <see langword="null"/> below the file's root row.</param>
/// <param name="IsDeprecated">Whether <c>version_deprecated</c> is set.</param>
/// <param name="ReplacedBy">The successor of a deprecated key, if fideslang names one.</param>
/// <param name="Description">fideslang's description.</param>
internal sealed record TaxonomyRow(string Key, string Name, string? ParentKey, bool IsDeprecated, string? ReplacedBy, string Description)
{
    /// <summary>The rows of a fideslang CSV file, without its root row <paramref name="rootKey"/> (<c>data_category</c>, <c>data_use</c>), which names no data.</summary>
    /// <exception cref="InvalidDataException">The file lacks a column, a row has the wrong number of fields, or a row other than the root has no parent.</exception>
    public static IReadOnlyList<TaxonomyRow> Read(string csv, string rootKey)
    {
        var records = CsvReader.Read(csv);
        if (records.Count == 0)
        {
            throw new InvalidDataException("The taxonomy file is empty.");
        }
        var header = records[0];
        var key = Column(header, "fides_key");
        var name = Column(header, "name");
        var parent = Column(header, "parent_key");
        var replacedBy = Column(header, "replaced_by");
        var deprecated = Column(header, "version_deprecated");
        var description = Column(header, "description");

        var rows = new List<TaxonomyRow>();
        foreach (var record in records.Skip(1))
        {
            if (record.Count != header.Count)
            {
                throw new InvalidDataException($"The row '{record[0]}' has {record.Count} fields, not {header.Count}.");
            }
            if (record[key] == rootKey)
            {
                continue;
            }
            if (record[parent].Length == 0)
            {
                throw new InvalidDataException($"The key '{record[key]}' has no parent.");
            }
            rows.Add(new TaxonomyRow(
                record[key],
                record[name],
                record[parent] == rootKey ? null : record[parent],
                record[deprecated].Length > 0,
                record[replacedBy].Length > 0 ? record[replacedBy] : null,
                record[description]));
        }
        return rows;
    }

    private static int Column(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i] == name)
            {
                return i;
            }
        }
        throw new InvalidDataException($"The taxonomy file has no '{name}' column.");
    }
}

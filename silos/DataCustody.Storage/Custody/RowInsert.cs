using System.Collections.Concurrent;
using System.Reflection;
using System.Text;

namespace DataCustody.Storage.Custody;

/// <summary>
/// The INSERT statement of a row record: its properties in declaration order as snake_case
/// columns, bound by Dapper from the record's properties.
/// </summary>
internal static class RowInsert<TRow>
{
    private static readonly ConcurrentDictionary<string, string> Statements = new();

    public static string Into(string table) => Statements.GetOrAdd(table, Build);

    private static string Build(string table)
    {
        var properties = typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var columns = string.Join(", ", properties.Select(p => SnakeCase(p.Name)));
        var values = string.Join(", ", properties.Select(p => "@" + p.Name));
        return $"INSERT INTO {table} ({columns}) VALUES ({values})";
    }

    private static string SnakeCase(string name)
    {
        var snake = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsDigit(name[i - 1]))
            {
                snake.Append('_');
            }
            snake.Append(char.ToLowerInvariant(name[i]));
        }
        return snake.ToString();
    }
}

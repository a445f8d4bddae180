using System.Text;
using DataCustody.Grains.Statements;

namespace DataCustody.Grains.Custody;

/// <summary>The statements the projections keep as JSON (the <c>statement</c> columns), read back.</summary>
internal static class StoredStatement
{
    /// <summary>The stored statement as a <typeparamref name="T"/>; a column holding anything else is broken data.</summary>
    public static T Parse<T>(string json)
        where T : Statement =>
        StatementCodec.Parse(Encoding.UTF8.GetBytes(json)).Statement as T
            ?? throw new InvalidDataException($"A stored statement is not a {typeof(T).Name}.");
}

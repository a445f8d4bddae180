using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using DataCustody.Storage.Dialects;
using Microsoft.Data.Sqlite;

namespace DataCustody.Storage;

/// <summary>
/// Commands of one transaction, each created once per SQL text and run again for every row that
/// needs it. The projector writes thousands of rows per append transaction through one writer;
/// a command per row would make SQLite parse and plan the same statement every time, which costs
/// more than writing the row. Parameters come from the properties of a row or an anonymous
/// object, named as in the SQL (<c>@Name</c>), as Dapper binds them. On SQLite the statements are
/// prepared on the connection itself (<see cref="SqliteReusedStatement{T}"/>).
/// </summary>
public sealed class ReusedCommands(DbConnection connection, DbTransaction transaction) : IDisposable
{
    private readonly Dictionary<(Type, string), IDisposable> _commands = [];

    /// <summary>Runs <paramref name="sql"/> with the values of <paramref name="parameters"/>; returns the rows it changed.</summary>
    public Task<int> ExecuteAsync<TParameters>(string sql, TParameters parameters, CancellationToken cancellationToken = default)
        where TParameters : notnull
    {
        ArgumentNullException.ThrowIfNull(sql);
        if (!_commands.TryGetValue((typeof(TParameters), sql), out var reused))
        {
            reused = connection is SqliteConnection sqlite ? new SqliteReusedStatement<TParameters>(sqlite, sql) : Command<TParameters>(sql);
            _commands[(typeof(TParameters), sql)] = reused;
        }
        if (reused is SqliteReusedStatement<TParameters> statement)
        {
            return Task.FromResult(statement.Execute(parameters));
        }
        var command = (DbCommand)reused;
        foreach (DbParameter parameter in command.Parameters)
        {
            parameter.Value = ParameterValues<TParameters>.Get(parameter.ParameterName.AsSpan(1), parameters) ?? DBNull.Value;
        }
        return command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
    }

    private DbCommand Command<TParameters>(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in ParameterValues<TParameters>.NamesIn(sql))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Compiled readers of the public properties of <typeparamref name="T"/>, by name.</summary>
    private static class ParameterValues<T>
    {
        private static readonly Dictionary<string, Func<T, object?>> Readers = typeof(T)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .ToDictionary(p => p.Name, Reader, StringComparer.Ordinal);

        private static readonly Dictionary<string, Func<T, object?>>.AlternateLookup<ReadOnlySpan<char>> ReadersBySpan =
            Readers.GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>The properties that <paramref name="sql"/> names as parameters.</summary>
        public static IEnumerable<string> NamesIn(string sql) =>
            Readers.Keys.Where(name => Regex.IsMatch(sql, $@"@{Regex.Escape(name)}\b", RegexOptions.CultureInvariant));

        public static object? Get(ReadOnlySpan<char> name, T parameters) => ReadersBySpan[name](parameters);

        private static Func<T, object?> Reader(PropertyInfo property)
        {
            var instance = Expression.Parameter(typeof(T));
            var value = Expression.Convert(Expression.Property(instance, property), typeof(object));
            return Expression.Lambda<Func<T, object?>>(value, instance).Compile();
        }
    }
}

using System.Data.Common;
using DataCustody.Storage.Dialects;

namespace DataCustody.Storage;

/// <summary>A database and its dialect: where connections come from.</summary>
public sealed class Database(SqlDialect dialect, string connectionString)
{
    static Database()
    {
        // Columns are snake_case, row records PascalCase.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    /// <summary>The dialect of this database.</summary>
    public SqlDialect Dialect { get; } = dialect;

    /// <summary>The connection string, without changes.</summary>
    public string ConnectionString { get; } = connectionString;

    /// <summary>Opens a connection with the dialect's per-connection options set.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = Dialect.CreateConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await Dialect.PrepareAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}

using DataCustody.Storage.Dialects;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace DataCustody.Storage.Clustering;

/// <summary>The PostgreSQL database and cluster id that membership rows are read and written under.</summary>
internal sealed record ClusterScope(Database Database, string ClusterId)
{
    public static ClusterScope For(Database database, IOptions<ClusterOptions> clusterOptions)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        if (database.Dialect is not PostgresDialect)
        {
            throw new ArgumentException($"Cluster membership is stored in PostgreSQL, not in {database.Dialect.Name}.", nameof(database));
        }
        var clusterId = clusterOptions.Value.ClusterId;
        if (string.IsNullOrEmpty(clusterId))
        {
            throw new ArgumentException("ClusterOptions.ClusterId is not set.", nameof(clusterOptions));
        }
        return new ClusterScope(database, clusterId);
    }
}

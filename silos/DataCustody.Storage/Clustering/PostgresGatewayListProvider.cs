using System.Net;
using Dapper;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Messaging;
using Orleans.Runtime;

namespace DataCustody.Storage.Clustering;

/// <summary>
/// Tells Orleans clients (the gateways) where the silos of their cluster accept clients: the
/// Active members of <see cref="PostgresMembershipTable"/> that have a gateway port.
/// </summary>
public sealed class PostgresGatewayListProvider : IGatewayListProvider
{
    private readonly Database _database;
    private readonly string _clusterId;

    /// <summary>Creates the provider for the cluster of <paramref name="clusterOptions"/>.</summary>
    public PostgresGatewayListProvider(Database database, IOptions<ClusterOptions> clusterOptions, IOptions<GatewayOptions> gatewayOptions)
    {
        ArgumentNullException.ThrowIfNull(gatewayOptions);
        (_database, _clusterId) = ClusterScope.For(database, clusterOptions);
        MaxStaleness = gatewayOptions.Value.GatewayListRefreshPeriod;
    }

    /// <inheritdoc />
    public TimeSpan MaxStaleness { get; }

    /// <inheritdoc />
    [Obsolete("Orleans no longer reads this: every provider is considered updatable.")]
    public bool IsUpdatable => true;

    /// <inheritdoc />
    public Task InitializeGatewayListProvider() => Task.CompletedTask;

    /// <inheritdoc />
    public Task<IList<Uri>> GetGateways() => GetGatewaysAsync(CancellationToken.None);

    /// <inheritdoc />
    public async Task<IList<Uri>> GetGatewaysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<GatewayRow>(new CommandDefinition(
            """
            SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
            FROM cluster_members
            WHERE cluster_id = @ClusterId AND status = @Active AND proxy_port > 0
            """,
            new { ClusterId = _clusterId, Active = (short)SiloStatus.Active },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        // A gateway is the silo's address with the gateway port in place of the silo port.
        return [.. rows.Select(row => SiloAddress.New(IPAddress.Parse(row.Address), row.ProxyPort, row.Generation).ToGatewayUri())];
    }

    private sealed class GatewayRow
    {
        public string Address { get; set; } = string.Empty;

        public int ProxyPort { get; set; }

        public int Generation { get; set; }
    }
}

using DataCustody.Storage;
using DataCustody.Storage.Clustering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Messaging;

namespace DataCustody.Silo;

/// <summary>
/// Registers cluster membership in PostgreSQL: <see cref="PostgresMembershipTable"/> for silos and
/// <see cref="PostgresGatewayListProvider"/> for clients (the gateways). Orleans uses whichever
/// <see cref="IMembershipTable"/> and <see cref="IGatewayListProvider"/> the container holds.
/// </summary>
/// <remarks>
/// Both read the cluster id from <see cref="ClusterOptions"/>. The membership tables come with the
/// storage schema: migrate the database before the silo joins (see <see cref="SchemaMigrator"/>).
/// </remarks>
public static class ClusteringRegistration
{
    /// <summary>Makes the silo keep cluster membership in the database that <paramref name="database"/> returns.</summary>
    public static ISiloBuilder UsePostgresMembership(this ISiloBuilder silo, Func<IServiceProvider, Database> database)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(database);
        silo.Services.AddSingleton<IMembershipTable>(services =>
            new PostgresMembershipTable(database(services), services.GetRequiredService<IOptions<ClusterOptions>>()));
        return silo;
    }

    /// <summary>Makes the silo keep cluster membership in <paramref name="database"/>.</summary>
    public static ISiloBuilder UsePostgresMembership(this ISiloBuilder silo, Database database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return silo.UsePostgresMembership(_ => database);
    }

    /// <summary>Makes the client find the cluster's gateways in the database that <paramref name="database"/> returns.</summary>
    public static IClientBuilder UsePostgresGateways(this IClientBuilder client, Func<IServiceProvider, Database> database)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(database);
        client.Services.AddSingleton<IGatewayListProvider>(services => new PostgresGatewayListProvider(
            database(services),
            services.GetRequiredService<IOptions<ClusterOptions>>(),
            services.GetRequiredService<IOptions<GatewayOptions>>()));
        return client;
    }

    /// <summary>Makes the client find the cluster's gateways in <paramref name="database"/>.</summary>
    public static IClientBuilder UsePostgresGateways(this IClientBuilder client, Database database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return client.UsePostgresGateways(_ => database);
    }
}

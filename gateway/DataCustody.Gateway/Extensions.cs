using DataCustody.Silo;
using DataCustody.Storage;
using DataCustody.Storage.Dialects;

namespace DataCustody.Gateway;

/// <summary>Wires the gateway's services.</summary>
public static class Extensions
{
    /// <summary>
    /// Hosts a silo in-process (<c>Gateway:Mode=embedded</c>, the default) or connects to a
    /// cluster as a client (<c>Gateway:Mode=client</c>), and adds problem details.
    /// </summary>
    public static WebApplicationBuilder AddDataCustodyGateway(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var mode = configuration.GetValue("Gateway:Mode", GatewayMode.Embedded);
        if (mode == GatewayMode.Embedded)
        {
            builder.UseOrleans(silo => silo.AddDataCustody(configuration));
        }
        else
        {
            var settings = SiloSettings.From(configuration);
            builder.UseOrleansClient(client =>
            {
                client.Configure<Orleans.Configuration.ClusterOptions>(options =>
                {
                    options.ClusterId = settings.Clustering.ClusterId;
                    options.ServiceId = settings.Clustering.ServiceId;
                });
                if (settings.Clustering.Provider == ClusteringProvider.Postgres)
                {
                    var connectionString = settings.Storage.ConnectionString
                        ?? throw new InvalidOperationException("Storage:ConnectionString is required to find the cluster's gateways.");
                    client.UsePostgresGateways(new Database(new PostgresDialect(), connectionString));
                }
                else
                {
                    client.UseLocalhostClustering(settings.Clustering.GatewayPort, settings.Clustering.ServiceId, settings.Clustering.ClusterId);
                }
            });
        }

        builder.Services.AddProblemDetails();
        return builder;
    }
}

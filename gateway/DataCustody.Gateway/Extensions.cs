using DataCustody.Gateway.Apis.Plumbing;
using DataCustody.Silo;
using DataCustody.Storage;
using DataCustody.Storage.Dialects;
using Microsoft.Extensions.Configuration.Json;

namespace DataCustody.Gateway;

/// <summary>Wires the gateway's services.</summary>
public static class Extensions
{
    /// <summary>
    /// Hosts a silo in-process (<c>Gateway:Mode=embedded</c>, the default) or connects to a
    /// cluster as a client (<c>Gateway:Mode=client</c>), and adds problem details, health checks and the
    /// <see cref="TrustedProxies"/>.
    /// </summary>
    public static WebApplicationBuilder AddDataCustodyGateway(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        AddDemoIdentity(builder);
        var mode = configuration.GetValue("Gateway:Mode", GatewayMode.Embedded);
        if (mode == GatewayMode.Embedded)
        {
            builder.UseOrleans(silo => silo.AddDataCustody(configuration));
        }
        else
        {
            var settings = SiloSettings.From(configuration);
            // The embedded silo registers the database itself; a client gateway needs it for identity.
            builder.Services.AddSingleton(DataCustody.Silo.SiloBuilderExtensions.CreateDatabase(settings));
            // Breach reports read the projections directly; the embedded silo registers these itself.
            builder.Services.AddSingleton<DataCustody.Storage.Custody.CustodyQueries>();
            builder.Services.AddSingleton<DataCustody.Storage.Custody.BreachImpactQuery>();
            builder.Services.AddSingleton<DataCustody.Storage.Custody.BreachQueries>();
            builder.Services.AddSingleton<DataCustody.Storage.Custody.BreachNotificationStore>();
            // The store's writes take turns through it; a client gateway only reads the store, and opens no connection for it.
            builder.Services.AddSingleton<WriterConnection>();
            builder.Services.AddSingleton<DataCustody.Grains.Custody.Breaches.BreachImpactCalculator>();
            builder.Services.AddSingleton<DataCustody.Storage.Custody.HandleOwners>();
            builder.Services.AddSingleton<DataCustody.Grains.Custody.GrainReferences>();
            builder.Services.AddSingleton<DataCustody.Grains.Custody.TransferChecks>();
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
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        TrustedProxies.Add(builder);
        return builder;
    }

    /// <summary>
    /// Reads the demo accounts and clients of <c>identity.demo.json</c> beside the binaries, after
    /// the appsettings files and before environment variables and the command line, so either can
    /// override them.
    /// </summary>
    private static void AddDemoIdentity(WebApplicationBuilder builder)
    {
        var sources = builder.Configuration.Sources;
        var afterSettingsFiles = sources
            .Select((source, index) => (source, index))
            .Where(s => s.source is JsonConfigurationSource { Path: { } path } && path.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase))
            .Select(s => s.index + 1)
            .DefaultIfEmpty(0)
            .Max();
        sources.Insert(afterSettingsFiles, new JsonConfigurationSource
        {
            Path = "identity.demo.json",
            Optional = true,
            FileProvider = builder.Environment.ContentRootFileProvider,
        });
    }
}

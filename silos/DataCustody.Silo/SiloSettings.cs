using DataCustody.Storage;

namespace DataCustody.Silo;

/// <summary>The broker's configuration: where data lives, how silos find each other, and the log's identity.</summary>
public sealed class SiloSettings
{
    /// <summary>Folder for the SQLite file and generated keys (default <c>./data</c>).</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Configuration section <c>Storage</c>.</summary>
    public StorageSettings Storage { get; set; } = new();

    /// <summary>Configuration section <c>Clustering</c>.</summary>
    public ClusteringSettings Clustering { get; set; } = new();

    /// <summary>Configuration section <c>Log</c>.</summary>
    public LogSettings Log { get; set; } = new();

    /// <summary>Reads the settings from the root of <paramref name="configuration"/>.</summary>
    public static SiloSettings From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var settings = new SiloSettings();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration, settings);
        return settings;
    }
}

/// <summary>Where the ledger and projections are stored.</summary>
public sealed class StorageSettings
{
    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The connection string; for SQLite the default is <c>custody.db</c> in the data folder.</summary>
    public string? ConnectionString { get; set; }
}

/// <summary>How silos form a cluster and where clients reach them.</summary>
public sealed class ClusteringSettings
{
    /// <summary><c>localhost</c> (default, one silo) or <c>postgres</c> (membership in the storage database).</summary>
    public ClusteringProvider Provider { get; set; } = ClusteringProvider.Localhost;

    /// <summary>The port silos talk to each other on.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port Orleans clients (gateways) connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at; loopback by default.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Names the cluster; silos with the same id form one cluster.</summary>
    public string ClusterId { get; set; } = "datacustody";

    /// <summary>Names the service; stays the same across deployments.</summary>
    public string ServiceId { get; set; } = "datacustody";
}

/// <summary>How silos find each other.</summary>
public enum ClusteringProvider
{
    /// <summary>A single silo on this machine.</summary>
    Localhost,

    /// <summary>Silos register in the PostgreSQL storage database.</summary>
    Postgres,
}

/// <summary>The log's identity.</summary>
public sealed class LogSettings
{
    /// <summary>The origin line of checkpoints and the name of the log key.</summary>
    public string Origin { get; set; } = "datacustody.local/log";

    /// <summary>The signer key (<c>PRIVATE+KEY+...</c>); takes precedence over <see cref="SigningKeyFile"/>.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The file holding the signer key; default <c>log-signing.key</c> in the data folder.</summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>
    /// The broker's statement key (base64url of a 32-byte Ed25519 seed), which signs what the broker
    /// records on a person's behalf; takes precedence over <see cref="StatementKeyFile"/>.
    /// </summary>
    public string? StatementKey { get; set; }

    /// <summary>The file holding the statement key; default <c>statement-signing.key</c> in the data folder.</summary>
    public string? StatementKeyFile { get; set; }
}

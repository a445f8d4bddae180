using DataCustody.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace DataCustody.Silo;

/// <summary>
/// Brings the database schema up to date before anything else in the silo starts: membership,
/// the ledger and the projections all need their tables.
/// </summary>
internal sealed partial class SchemaMigration(Database database, ILogger<SchemaMigration> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaMigration), ServiceLifecycleStage.First, MigrateAsync);

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var version = await SchemaMigrator.MigrateAsync(database, cancellationToken);
        LogMigrated(database.Dialect.Name, version);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Dialect} schema is at version {Version}")]
    private partial void LogMigrated(string dialect, int version);
}

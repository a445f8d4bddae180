using DataCustody.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DataCustody.Gateway.Apis.Plumbing;

/// <summary>
/// Whether the database the log and the projections live in answers. Without it the gateway can serve
/// nothing, so a load balancer should stop sending it requests.
/// </summary>
public sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"The {database.Dialect.Name} database answers.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"The {database.Dialect.Name} database does not answer.", e);
        }
    }
}

using Microsoft.Extensions.Hosting;

namespace DataCustody.Sdk.Batching;

/// <summary>
/// Sends the statements still queued in the <see cref="StatementBatcher"/> when the host stops. Disposing
/// the container would send them too late: by then it can no longer make the HTTP clients they travel with.
/// </summary>
internal sealed class StatementBatcherShutdown(StatementBatcher batcher) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Once every hosted service has stopped, so that what they submitted while stopping is sent as well.
    public Task StoppedAsync(CancellationToken cancellationToken) => batcher.FinishAsync().WaitAsync(cancellationToken);
}

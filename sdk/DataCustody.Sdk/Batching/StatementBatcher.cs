using System.Threading.Channels;
using DataCustody.Sdk.Models;
using Microsoft.Extensions.Options;

namespace DataCustody.Sdk.Batching;

/// <summary>
/// Gathers statements submitted one at a time into batches: a batch leaves when it holds
/// <see cref="DataCustodyOptions.MaxBatchSize"/> statements or <see cref="DataCustodyOptions.MaxBatchDelay"/>
/// after its first statement arrived, whichever is first. Up to <see cref="DataCustodyOptions.MaxBatchesInFlight"/>
/// batches are on their way at once; each caller gets the result for its own statement.
/// </summary>
internal sealed class StatementBatcher : IAsyncDisposable, IDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<SignedStatement>, CancellationToken, Task<IReadOnlyList<StatementResult>>> _send;
    private readonly int _maxBatch;
    private readonly TimeSpan _maxDelay;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _inFlight;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private readonly int _maxInFlight;
    private readonly Lazy<Task> _finished;

    public StatementBatcher(StatementSender sender, IOptions<DataCustodyOptions> options, TimeProvider time)
        : this((batch, ct) => sender.SendAsync(batch, int.MaxValue, ct), options.Value.MaxBatchSize, options.Value.MaxBatchDelay, options.Value.MaxBatchesInFlight, time)
    {
    }

    internal StatementBatcher(
        Func<IReadOnlyList<SignedStatement>, CancellationToken, Task<IReadOnlyList<StatementResult>>> send,
        int maxBatch,
        TimeSpan maxDelay,
        int maxInFlight,
        TimeProvider time)
    {
        _send = send;
        _maxBatch = maxBatch;
        _maxDelay = maxDelay;
        _time = time;
        _maxInFlight = maxInFlight;
        _inFlight = new SemaphoreSlim(maxInFlight, maxInFlight);
        _finished = new Lazy<Task>(FinishQueuedAsync);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues <paramref name="statement"/>; the task completes with its result once its batch is answered.</summary>
    public Task<StatementResult> EnqueueAsync(SignedStatement statement, CancellationToken cancellationToken)
    {
        var pending = new Pending(statement, new TaskCompletionSource<StatementResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(StatementBatcher), "The client is shutting down; statements are no longer accepted.");
        }
        if (cancellationToken.CanBeCanceled)
        {
            // The caller stops waiting; a statement already in a request may still be logged, and resending it is safe.
            var registration = cancellationToken.Register(() => pending.Completion.TrySetCanceled(cancellationToken));
            pending.Completion.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return pending.Completion.Task;
    }

    /// <summary>
    /// Stops taking statements and sends those queued; completes when every batch is answered. Calling it
    /// again returns the same task.
    /// </summary>
    public Task FinishAsync() => _finished.Value;

    public async ValueTask DisposeAsync()
    {
        await FinishAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _inFlight.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task FinishQueuedAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        // Let the batches on their way finish, so no caller is left waiting.
        for (var i = 0; i < _maxInFlight; i++)
        {
            await _inFlight.WaitAsync().ConfigureAwait(false);
        }
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var batch = new List<Pending>(Math.Min(_maxBatch, 64));
            using (var deadline = new CancellationTokenSource(_maxDelay, _time))
            {
                while (batch.Count < _maxBatch)
                {
                    if (reader.TryRead(out var item))
                    {
                        if (!item.Completion.Task.IsCompleted)
                        {
                            batch.Add(item);
                        }
                        continue;
                    }
                    try
                    {
                        if (!await reader.WaitToReadAsync(deadline.Token).ConfigureAwait(false))
                        {
                            break;
                        }
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }
            if (batch.Count == 0)
            {
                continue;
            }
            await _inFlight.WaitAsync().ConfigureAwait(false);
            _ = SendAsync(batch);
        }
    }

    private async Task SendAsync(List<Pending> batch)
    {
        // Callers that stopped waiting while the batch filled need no answer.
        batch.RemoveAll(p => p.Completion.Task.IsCompleted);
        try
        {
            if (batch.Count == 0)
            {
                return;
            }
            var results = await _send([.. batch.Select(p => p.Statement)], _stopping.Token).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i] with { Index = 0 });
            }
        }
        catch (Exception e)
        {
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(e);
            }
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private sealed record Pending(SignedStatement Statement, TaskCompletionSource<StatementResult> Completion);
}

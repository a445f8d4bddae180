using System.Diagnostics;
using System.Reflection;
using DataCustody.Gateway.Apis;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataCustody.Gateway.Tests.Authorization;

/// <summary>
/// Runs the gateway's own Program in this process just far enough to read its endpoints: the host is
/// built, every endpoint mapped and the request pipeline built, with every hosted service but the web
/// host's removed (so no Orleans silo runs) and a server that captures the endpoints and aborts
/// instead of listening. The hook is the hosting diagnostic events WebApplicationFactory also uses.
/// </summary>
internal static class InProcessGateway
{
    private static readonly Lazy<Task<IReadOnlyList<Endpoint>>> Captured = new(CaptureAsync);

    /// <summary>Every endpoint the gateway maps, as its Program maps them (captured once per test run).</summary>
    public static Task<IReadOnlyList<Endpoint>> EndpointsAsync() => Captured.Value;

    private static async Task<IReadOnlyList<Endpoint>> CaptureAsync()
    {
        var dataFolder = Directory.CreateTempSubdirectory("datacustody-endpoints-").FullName;
        try
        {
            var captured = new TaskCompletionSource<IReadOnlyList<Endpoint>>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var subscription = DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
            {
                if (listener.Name == "Microsoft.Extensions.Hosting")
                {
                    listener.Subscribe(new Observer<KeyValuePair<string, object?>>(pair =>
                    {
                        if (pair.Key == "HostBuilding" && pair.Value is IHostBuilder builder && !captured.Task.IsCompleted)
                        {
                            builder.ConfigureServices(services =>
                            {
                                foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name != "GenericWebHostService").ToList())
                                {
                                    services.Remove(hosted);
                                }
                                services.AddSingleton<IServer>(provider => new CapturingServer(provider, captured));
                            });
                        }
                    }));
                }
            }));
            var entryPoint = typeof(LogApi).Assembly.EntryPoint ?? throw new InvalidOperationException("The gateway has no entry point.");
            var run = Task.Run(() =>
            {
                try
                {
                    entryPoint.Invoke(null, [new[] { $"--DataFolder={dataFolder}", "--Urls=http://127.0.0.1:0" }]);
                }
                catch (TargetInvocationException e) when (e.InnerException is HostAbortedException)
                {
                    // Expected: the capturing lifetime stops the start.
                }
            });
            var done = await Task.WhenAny(captured.Task, run).WaitAsync(TimeSpan.FromSeconds(60));
            if (done == run)
            {
                await run;
            }
            var endpoints = await captured.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await run.WaitAsync(TimeSpan.FromSeconds(60));
            return endpoints;
        }
        finally
        {
            try
            {
                Directory.Delete(dataFolder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private sealed class CapturingServer(IServiceProvider services, TaskCompletionSource<IReadOnlyList<Endpoint>> captured) : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull
        {
            // The pipeline is built by now, so the routing options hold every mapped data source.
            captured.TrySetResult([.. services.GetRequiredService<EndpointDataSource>().Endpoints]);
            throw new HostAbortedException("Endpoints captured; the gateway is not started.");
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }

    private sealed class Observer<T>(Action<T> onNext) : IObserver<T>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(T value) => onNext(value);
    }
}

using System.Net;
using DataCustody.Sdk.Batching;
using DataCustody.Sdk.Http;
using DataCustody.Sdk.Receipts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace DataCustody.Sdk;

/// <summary>Registers the DataCustody clients with dependency injection.</summary>
public static class DataCustodyServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DataCustodyProviderClient"/> as a typed client of <see cref="IHttpClientFactory"/> with
    /// the standard resilience handler (retries of requests that are safe to repeat, including statement batches,
    /// honouring <c>Retry-After</c>; timeouts; a circuit breaker that back-pressure does not open) and a handler that
    /// acquires and renews the provider's client-credential token; <see cref="DataCustodyClientFactory"/> for person
    /// and regulator clients; and a hosted service that sends the statements still queued when the generic host
    /// stops, before it disposes the container.
    /// </summary>
    /// <returns>The builder of the provider client's <see cref="HttpClient"/>, to configure it further.</returns>
    public static IHttpClientBuilder AddDataCustody(this IServiceCollection services, Action<DataCustodyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<DataCustodyOptions>().Configure(configure).Validate(o =>
        {
            o.Validate();
            return true;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ClientCredentialsTokenSource>();
        services.TryAddSingleton<StatementSigner>();
        services.TryAddSingleton<StatementSender>();
        services.TryAddSingleton<StatementBatcher>();
        services.TryAddSingleton<InclusionWaiter>();
        services.TryAddSingleton<ProviderState>();
        services.TryAddSingleton<DataCustodyClientFactory>();
        services.TryAddTransient<ClientCredentialsHandler>();
        services.AddHostedService<StatementBatcherShutdown>();

        ConfigureResilient(services.AddHttpClient(ClientCredentialsTokenSource.HttpClientName));
        ConfigureResilient(services.AddHttpClient(InclusionWaiter.HttpClientName));
        ConfigureResilient(services.AddHttpClient(DataCustodyClientFactory.HttpClientName));

        var provider = services.AddHttpClient<DataCustodyProviderClient, DataCustodyProviderClient>(DataCustodyProviderClient.HttpClientName, (http, sp) => new DataCustodyProviderClient(
            http,
            sp.GetRequiredService<IOptions<DataCustodyOptions>>(),
            sp.GetRequiredService<StatementSigner>(),
            sp.GetRequiredService<StatementSender>(),
            sp.GetRequiredService<StatementBatcher>(),
            sp.GetRequiredService<InclusionWaiter>(),
            sp.GetRequiredService<ProviderState>()));
        ConfigureResilient(provider);
        // Added after the resilience handler, so it sits inside it: every attempt carries a current token.
        provider.AddHttpMessageHandler<ClientCredentialsHandler>();
        return provider;
    }

    private static void ConfigureResilient(IHttpClientBuilder builder)
    {
        // The options are read when the factory is built, not looked up each time a client is made: without a host,
        // the statements still queued are sent while the container is being disposed, when it no longer answers.
        builder.Services.AddOptions<HttpClientFactoryOptions>(builder.Name).Configure<IOptions<DataCustodyOptions>>((factory, settings) =>
        {
            var baseAddress = settings.Value.NormalizedBaseAddress;
            factory.HttpClientActions.Add(http =>
            {
                http.BaseAddress = baseAddress;
                // The resilience pipeline enforces the timeouts.
                http.Timeout = Timeout.InfiniteTimeSpan;
            });
        });
        var pipeline = builder.AddStandardResilienceHandler();
        builder.Services.AddOptions<HttpStandardResilienceOptions>(pipeline.PipelineName).Configure<IOptions<DataCustodyOptions>>((resilience, settings) =>
        {
            var options = settings.Value;
            resilience.Retry.MaxRetryAttempts = Math.Max(options.MaxRetryAttempts, 1);
            resilience.Retry.Delay = options.RetryDelay;
            resilience.Retry.ShouldRetryAfterHeader = true;
            var retries = options.MaxRetryAttempts > 0;
            // Transient failures (5xx, 408, 429, network errors, attempt timeouts) of requests that are safe to
            // send again: reads, and requests marked idempotent such as statement batches, whose statements keep
            // their ids and bytes so that a repeat is answered with the original entries.
            resilience.Retry.ShouldHandle = args => ValueTask.FromResult(
                retries
                && ApiRequestOptions.MayRetry(args.Context.GetRequestMessage())
                && HttpClientResiliencePredicates.IsTransient(args.Outcome));
            resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
            resilience.TotalRequestTimeout.Timeout = options.TotalRequestTimeout;
            resilience.CircuitBreaker.SamplingDuration = options.AttemptTimeout * 2;
            // Back-pressure is the gateway up and asking to be called again later, which the retries already
            // honour; counted as failures, it would open the circuit and fail every request for the whole break,
            // longer than the gateway asked to wait. Other transient failures still open it.
            resilience.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(
                HttpClientResiliencePredicates.IsTransient(args.Outcome) && !IsBackPressure(args.Outcome.Result));
        });
    }

    // The gateway's ledger when it cannot take a write now (503), and its rate limits (429), say when to come back.
    private static bool IsBackPressure(HttpResponseMessage? response) =>
        response is { StatusCode: HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests, Headers.RetryAfter: not null };
}

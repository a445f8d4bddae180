using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Scalar.AspNetCore;

namespace DataCustody.Gateway.Apis.Plumbing;

/// <summary>The HTTP API's shared plumbing: JSON, problems, body limits, rate limits, OpenAPI and its reference page.</summary>
public static class ApiExtensions
{
    /// <summary>
    /// JSON in camelCase with enums as camelCase strings; requests the framework cannot bind, and
    /// bodies over the limit, answered with problems, and so are writes the ledger cannot take now and
    /// requests whose storage failed;
    /// the statement rate limit; the connection limit; the OpenAPI document.
    /// </summary>
    public static WebApplicationBuilder AddDataCustodyApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var limits = builder.Configuration.GetSection(ApiLimits.Section).Get<ApiLimits>() ?? new ApiLimits();
        builder.Services.AddSingleton(limits);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
            kestrel.Limits.MaxConcurrentConnections = limits.MaxConnections;
        });

        builder.Services.ConfigureHttpJsonOptions(options => Configure(options.SerializerOptions));
        // Binding failures throw, so the exception handler can say which field was wrong.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<LedgerUnavailableExceptionHandler>();
        builder.Services.AddExceptionHandler<LedgerWriteFailedExceptionHandler>();
        builder.Services.AddExceptionHandler<StorageFailedExceptionHandler>();
        builder.Services.Configure<ProblemDetailsOptions>(options =>
        {
            var previous = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                previous?.Invoke(context);
                BadRequestExceptionHandler.Complete(context);
            };
        });
        builder.Services.AddRateLimiter(options => StatementRateLimit.Configure(options, limits));
        builder.Services.AddOpenApi(options =>
        {
            var transformer = new BearerSecurityTransformer();
            options.AddDocumentTransformer(transformer);
            options.AddOperationTransformer(transformer);
        });
        return builder;
    }

    /// <summary>Maps the OpenAPI document at <c>/openapi/v1.json</c> and its interactive reference at <c>/docs</c>, both public.</summary>
    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("DataCustody API")
            .AddPreferredSecuritySchemes(BearerSecurityTransformer.SchemeName))
            .AllowAnonymous();
        return app;
    }

    /// <summary>Documents the problems an endpoint answers with besides 401 and 403.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder endpoint, params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        foreach (var status in statuses)
        {
            endpoint.ProducesProblem(status);
        }
        return endpoint;
    }

    /// <summary>The API's serializer settings.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Numbers are numbers: "30" is not accepted for 30.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }
}

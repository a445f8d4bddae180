using Microsoft.AspNetCore.Http.Metadata;

namespace DataCustody.Gateway.Apis.Plumbing;

/// <summary>
/// The gateway's limits: request bodies (<c>Api:MaxRequestBodyBytes</c>, default 1 MiB, for every
/// request; <c>Api:MaxStatementBatchBytes</c>, default 8 MiB, for statement batches; a larger body
/// gets a 413 problem), statement batches per client, and connections open at once.
/// </summary>
public sealed class ApiLimits
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Api";

    /// <summary>The limit of any request body.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The limit of a statement batch's body.</summary>
    public long MaxStatementBatchBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Statement batches a client may send at once, before the rate limit applies.</summary>
    public int StatementBatchBurst { get; set; } = 1000;

    /// <summary>Statement batches a client may send per second, sustained.</summary>
    public int StatementBatchesPerSecond { get; set; } = 500;

    /// <summary>
    /// Connections the gateway keeps open at once; one more is closed as it arrives, so that a flood of idle
    /// connections cannot use up the process's file descriptors and memory.
    /// </summary>
    public long MaxConnections { get; set; } = 10_000;
}

/// <summary>Endpoint metadata that sets the request body limit; routing applies it before the body is read.</summary>
/// <param name="MaxRequestBodySize">The limit in bytes.</param>
public sealed record RequestBodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

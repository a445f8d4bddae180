using DataCustody.Sdk.Keys;

namespace DataCustody.Sdk;

/// <summary>How the SDK reaches the broker, who it is there, and how it signs and batches statements.</summary>
public sealed class DataCustodyOptions
{
    /// <summary>The broker's base URL, such as <c>https://broker.example/</c>. Required.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The provider system's OpenID Connect client id, for client-credential tokens.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret that goes with <see cref="ClientId"/>. Keep it out of source control.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The token endpoint. When null, it is read from the broker's discovery document
    /// (<c>/.well-known/openid-configuration</c>).
    /// </summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>Scopes to ask for with client-credential tokens, if the identity provider needs any.</summary>
    public IList<string> Scopes { get; } = [];

    /// <summary>
    /// How long before its expiry a token is renewed. Default one minute (at most half a token's lifetime is used).
    /// While renewing fails, the current token is used until it expires.
    /// </summary>
    public TimeSpan TokenRenewalMargin { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The provider's id, which its statements name in <c>provider</c>; learned from <see cref="DataCustodyProviderClient.RegisterAsync"/> when not set.</summary>
    public string? ProviderId { get; set; }

    /// <summary>The statement-signing key. Alternatively give <see cref="SigningKeyPath"/> and <see cref="Kid"/>.</summary>
    public ProviderKey? SigningKey { get; set; }

    /// <summary>A PKCS#8 PEM private key file as <c>custody keygen</c> writes it; used when <see cref="SigningKey"/> is null.</summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>The kid the key of <see cref="SigningKeyPath"/> is registered under (or, if set, must equal <see cref="SigningKey"/>'s).</summary>
    public string? Kid { get; set; }

    /// <summary>
    /// The log's verifier key in its published form <c>name+keyid+base64</c>, pinned: checkpoints are trusted
    /// only when signed by it. Required for <see cref="DataCustodyProviderClient.WaitForInclusionAsync"/>.
    /// </summary>
    public string? VerifierKey { get; set; }

    /// <summary>The most statements the batcher sends in one request (1-1000). Default 500.</summary>
    public int MaxBatchSize { get; set; } = 500;

    /// <summary>How long the batcher waits after a statement arrives for more to join its batch. Default 20 ms.</summary>
    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How many batches may be on their way at once. Default 4.</summary>
    public int MaxBatchesInFlight { get; set; } = 4;

    /// <summary>How many times a failed request that is safe to repeat is retried (5xx, 408, 429, network errors). Default 3.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The base of the exponential retry delay; a <c>Retry-After</c> header takes precedence. Default 1 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one attempt may take. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a request may take with all its retries. Default 2 minutes.</summary>
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The first wait between checkpoint polls of <see cref="DataCustodyProviderClient.WaitForInclusionAsync"/>; it doubles up to <see cref="InclusionPollMaxDelay"/>. Default 50 ms.</summary>
    public TimeSpan InclusionPollDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest wait between checkpoint polls. Default 1 s.</summary>
    public TimeSpan InclusionPollMaxDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first setting that is missing or out of range.</summary>
    internal void Validate()
    {
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri)
        {
            throw new InvalidOperationException("DataCustodyOptions.BaseAddress must be an absolute URL.");
        }
        if (MaxBatchSize is < 1 or > 1000)
        {
            throw new InvalidOperationException("DataCustodyOptions.MaxBatchSize must be 1 to 1000.");
        }
        if (MaxBatchDelay < TimeSpan.Zero || MaxBatchesInFlight < 1 || MaxRetryAttempts < 0)
        {
            throw new InvalidOperationException("DataCustodyOptions.MaxBatchDelay must not be negative, MaxBatchesInFlight must be at least 1 and MaxRetryAttempts not negative.");
        }
    }

    /// <summary><see cref="BaseAddress"/> with a trailing slash, so relative paths extend it.</summary>
    internal Uri NormalizedBaseAddress
    {
        get
        {
            var text = BaseAddress!.AbsoluteUri;
            return new Uri(text.EndsWith('/') ? text : text + "/");
        }
    }
}

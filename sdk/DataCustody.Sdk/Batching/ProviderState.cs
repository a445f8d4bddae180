namespace DataCustody.Sdk.Batching;

/// <summary>What the provider clients learn at run time and share: the provider's id once registered.</summary>
internal sealed class ProviderState
{
    private volatile string? _providerId;

    public ProviderState(Microsoft.Extensions.Options.IOptions<DataCustodyOptions> options) => _providerId = options.Value.ProviderId;

    public string? ProviderId
    {
        get => _providerId;
        set => _providerId = value;
    }

    public string Require() => _providerId
        ?? throw new InvalidOperationException("The provider's id is not known: set DataCustodyOptions.ProviderId or call RegisterAsync first.");
}

using DataCustody.Grains.Statements;
using DataCustody.Sdk.Keys;
using Microsoft.Extensions.Options;

namespace DataCustody.Sdk.Batching;

/// <summary>Signs statements with the key the options name, loaded once.</summary>
internal sealed class StatementSigner : IDisposable
{
    private readonly DataCustodyOptions _options;
    private readonly Lazy<ProviderKey> _key;
    private readonly bool _ownsKey;

    public StatementSigner(IOptions<DataCustodyOptions> options)
    {
        _options = options.Value;
        _ownsKey = _options.SigningKey is null;
        _key = new Lazy<ProviderKey>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public SignedStatement Sign(ProviderStatement statement, string? providerId)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (providerId is not null && statement.Provider != providerId)
        {
            throw new ArgumentException($"The statement names the provider '{statement.Provider}', but this client signs for '{providerId}'.", nameof(statement));
        }
        return SignedStatement.Sign(statement, _key.Value);
    }

    public void Dispose()
    {
        if (_ownsKey && _key.IsValueCreated)
        {
            _key.Value.Dispose();
        }
    }

    private ProviderKey Load()
    {
        if (_options.SigningKey is { } key)
        {
            if (_options.Kid is not null && _options.Kid != key.KeyId)
            {
                throw new InvalidOperationException($"DataCustodyOptions.Kid '{_options.Kid}' differs from the signing key's kid '{key.KeyId}'.");
            }
            return key;
        }
        if (_options.SigningKeyPath is null || _options.Kid is null)
        {
            throw new InvalidOperationException("To sign statements set DataCustodyOptions.SigningKey, or SigningKeyPath and Kid.");
        }
        return ProviderKey.FromPem(_options.Kid, File.ReadAllText(_options.SigningKeyPath));
    }
}

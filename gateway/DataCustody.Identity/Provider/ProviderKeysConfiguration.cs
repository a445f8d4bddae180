using DataCustody.Identity.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Server;

namespace DataCustody.Identity.Provider;

/// <summary>
/// Gives OpenIddict the persisted keys instead of ephemeral ones, and has its options built again
/// whenever the signing keys change, so that a rotation needs no restart.
/// </summary>
internal sealed class ProviderKeysConfiguration(IdentityKeyring keyring) : IConfigureOptions<OpenIddictServerOptions>, IOptionsChangeTokenSource<OpenIddictServerOptions>
{
    /// <inheritdoc />
    public string Name => Options.DefaultName;

    /// <inheritdoc />
    public void Configure(OpenIddictServerOptions options)
    {
        // OpenIddict signs with the first key, keeps RSA keys in the order given, and publishes and verifies with all.
        options.SigningCredentials.AddRange(keyring.SigningCredentials);
        options.EncryptionCredentials.Add(keyring.Encryption);
    }

    /// <inheritdoc />
    public IChangeToken GetChangeToken() => keyring.SigningKeysChanged;
}

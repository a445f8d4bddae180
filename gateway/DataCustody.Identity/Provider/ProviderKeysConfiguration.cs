using DataCustody.Identity.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Server;

namespace DataCustody.Identity.Provider;

/// <summary>
/// Gives OpenIddict the persisted keys instead of ephemeral ones, and has its options built again
/// whenever the keys change, so that a rotation needs no restart.
/// </summary>
internal sealed class ProviderKeysConfiguration(IdentityKeyring keyring) : IConfigureOptions<OpenIddictServerOptions>, IOptionsChangeTokenSource<OpenIddictServerOptions>
{
    /// <inheritdoc />
    public string Name => Options.DefaultName;

    /// <inheritdoc />
    public void Configure(OpenIddictServerOptions options)
    {
        // OpenIddict signs and encrypts with the first key of each list, keeps keys of one kind in the order given,
        // and verifies and decrypts with all of them.
        options.SigningCredentials.AddRange(keyring.SigningCredentials);
        options.EncryptionCredentials.AddRange(keyring.EncryptionCredentials);
    }

    /// <inheritdoc />
    public IChangeToken GetChangeToken() => keyring.KeysChanged;
}

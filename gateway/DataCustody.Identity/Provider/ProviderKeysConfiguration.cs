using DataCustody.Identity.Storage;
using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace DataCustody.Identity.Provider;

/// <summary>Gives OpenIddict the persisted keys instead of ephemeral ones.</summary>
internal sealed class ProviderKeysConfiguration(IdentityKeyring keyring) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        options.SigningCredentials.Add(keyring.Signing);
        options.EncryptionCredentials.Add(keyring.Encryption);
    }
}

using DataCustody.Identity.Configuration;
using Microsoft.Extensions.Options;

namespace DataCustody.Identity.Provider;

/// <summary>The people configured in <c>Identity:Accounts</c>, and their passwords' check.</summary>
internal sealed class AccountDirectory(IOptions<IdentitySettings> settings)
{
    // Checked when the username is unknown, so that an unknown name costs as much time as a
    // wrong password and timing does not tell which names exist.
    private static readonly string DecoyHash = SecretHasher.Hash(Guid.NewGuid().ToString());

    private readonly IReadOnlyList<AccountSettings> _accounts = settings.Value.Accounts;

    /// <summary>The account whose username and password these are, or null; never says which was wrong.</summary>
    public AccountSettings? Authenticate(string username, string password)
    {
        var account = _accounts.FirstOrDefault(a => string.Equals(a.Username, username, StringComparison.OrdinalIgnoreCase));
        var matches = SecretHasher.Verify(account?.PasswordHash ?? DecoyHash, password);
        return account is not null && matches ? account : null;
    }

    /// <summary>The account of a person id, or null when it is no longer configured.</summary>
    public AccountSettings? FindByPersonId(string? personId) =>
        personId is null ? null : _accounts.FirstOrDefault(a => string.Equals(a.PersonId, personId, StringComparison.Ordinal));
}

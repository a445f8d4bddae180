using System.Globalization;

namespace DataCustody.Testing;

/// <summary>
/// People added to the gateway's embedded provider through environment settings
/// (<c>Identity__Accounts__N__...</c>), exactly as an operator would add accounts. They follow the
/// demo file's entries, so the list binds as the demo file's accounts plus these.
/// </summary>
public static class ConfiguredAccounts
{
    // identity.demo.json holds four accounts (alice, bob, regina, audrey).
    private const int FirstIndex = 4;

    /// <summary>
    /// Adds a citizen account to <paramref name="settings"/> for each of <paramref name="people"/>,
    /// with a fresh person id and the given salted password hash (<c>SecretHasher.Hash</c>).
    /// </summary>
    public static void AddCitizens(IDictionary<string, string> settings, IEnumerable<(string Username, string DisplayName, string PasswordHash)> people)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(people);
        foreach (var (i, person) in people.Index())
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"Identity__Accounts__{FirstIndex + i}__");
            settings[prefix + "Username"] = person.Username;
            settings[prefix + "PersonId"] = Guid.NewGuid().ToString();
            settings[prefix + "DisplayName"] = person.DisplayName;
            settings[prefix + "Roles__0"] = "citizen";
            settings[prefix + "PasswordHash"] = person.PasswordHash;
        }
    }
}

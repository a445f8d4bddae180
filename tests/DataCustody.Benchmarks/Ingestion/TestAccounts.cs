using System.Globalization;
using DataCustody.Identity;
using DataCustody.Testing;

namespace DataCustody.Benchmarks.Ingestion;

/// <summary>
/// People to sign in besides the demo accounts alice and bob: accounts handed to the gateway's
/// embedded provider through <see cref="ConfiguredAccounts"/>. Statements of one person are
/// recorded one after another by that person's grain, so the load needs many people, not two.
/// </summary>
internal static class TestAccounts
{
    /// <summary>The demo people that are always among them, with their README passwords.</summary>
    public static readonly IReadOnlyList<(string Username, string Password)> Demo = [("alice", "alice-demo"), ("bob", "bob-demo")];

    /// <summary>The password of every generated account.</summary>
    public const string Password = "ingest-bench-demo";

    /// <summary>The generated usernames for <paramref name="count"/> accounts.</summary>
    public static IReadOnlyList<string> Usernames(int count) =>
        [.. Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"bench-{i:00000}"))];

    /// <summary>Environment settings that add the accounts, and a sign-in limit the setup cannot hit.</summary>
    public static Dictionary<string, string> Settings(IReadOnlyList<string> usernames)
    {
        // One salted PBKDF2 hash (ASP.NET Core Identity's format, full iteration count) shared by
        // every account: hashing is the account owner's cost, not the broker's, and the gateway
        // still checks the password in full at every sign-in.
        var hash = SecretHasher.Hash(Password);
        var settings = new Dictionary<string, string>
        {
            // The limit guards a real sign-in form against guessing; here hundreds of people sign
            // in from the one loopback address within seconds.
            ["Identity__SignInPermitLimit"] = "1000000",
        };
        ConfiguredAccounts.AddCitizens(settings, usernames.Select(username => (username, "Bench " + username, hash)));
        return settings;
    }
}

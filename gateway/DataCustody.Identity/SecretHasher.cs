using Microsoft.AspNetCore.Identity;

namespace DataCustody.Identity;

/// <summary>
/// Salted PBKDF2 hashes of passwords and client secrets (ASP.NET Core Identity's V3 format), so
/// configuration never holds a secret itself.
/// </summary>
/// <remarks>To make a hash: <c>SecretHasher.Hash("the secret")</c>, e.g. from <c>dotnet fsi</c> or a test.</remarks>
public static class SecretHasher
{
    // The hasher ignores the user object; one instance serves every account and client.
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object Nobody = new();

    /// <summary>Returns a new salted hash of <paramref name="secret"/>.</summary>
    public static string Hash(string secret) => Hasher.HashPassword(Nobody, secret);

    /// <summary>Whether <paramref name="secret"/> matches <paramref name="hash"/>, compared in constant time.</summary>
    public static bool Verify(string hash, string secret)
    {
        try
        {
            return Hasher.VerifyHashedPassword(Nobody, hash, secret) != PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            // A malformed hash in configuration matches nothing.
            return false;
        }
    }
}

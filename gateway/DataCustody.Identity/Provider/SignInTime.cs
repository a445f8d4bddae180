using System.Globalization;
using System.Security.Claims;

namespace DataCustody.Identity.Provider;

/// <summary>When a person last signed in to the provider, kept in its session and issued as <c>auth_time</c>.</summary>
internal static class SignInTime
{
    /// <summary>The claim recording a sign-in at <paramref name="when"/>, in whole seconds as ID tokens carry it.</summary>
    public static Claim Claim(DateTimeOffset when) => new(
        IdentityClaims.AuthenticationTime, when.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);

    /// <summary>The sign-in time <paramref name="principal"/> records, or null when it records none.</summary>
    public static DateTimeOffset? Of(ClaimsPrincipal? principal) =>
        long.TryParse(principal?.FindFirst(IdentityClaims.AuthenticationTime)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}

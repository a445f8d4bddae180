using System.Text.Json;

namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>One version of a provider's protection profile.</summary>
/// <param name="Version">The version, from 1.</param>
/// <param name="Level">The declared protection level, 1-4.</param>
/// <param name="DeclaredAt">When the provider declared it (the statement's issuedAt).</param>
/// <param name="EntryIndex">The log entry of the declaration.</param>
/// <param name="Statement">The <c>provider.profile</c> statement payload as logged.</param>
public sealed record ProfileVersionResponse(long Version, int Level, DateTimeOffset DeclaredAt, long EntryIndex, JsonElement Statement)
{
    internal static ProfileVersionResponse From(ProfileVersion profile) =>
        new(profile.Version, profile.Level, profile.DeclaredAt, profile.EntryIndex, JsonPayload.Parse(profile.Profile));
}

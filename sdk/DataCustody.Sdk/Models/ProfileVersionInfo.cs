using System.Text.Json;

namespace DataCustody.Sdk.Models;

/// <summary>One version of a provider's declared protection profile.</summary>
/// <param name="Version">The version number.</param>
/// <param name="Level">The declared protection level, 1-4.</param>
/// <param name="DeclaredAt">When it was declared.</param>
/// <param name="EntryIndex">The log entry of the declaration.</param>
/// <param name="Statement">The declaring <c>provider.profile</c> statement's payload.</param>
public sealed record ProfileVersionInfo(long Version, int Level, DateTimeOffset DeclaredAt, long EntryIndex, JsonElement Statement);

namespace DataCustody.Sdk.Models;

/// <summary>A provider as the broker registered it.</summary>
/// <param name="ProviderId">The provider's id, which its statements name in <c>provider</c>.</param>
/// <param name="Name">Its legal name.</param>
/// <param name="Jurisdiction">Where it is established.</param>
/// <param name="Sector">Its business sector.</param>
/// <param name="Contact">Its privacy contact.</param>
/// <param name="RegisteredIndex">The log entry of its <c>provider.registered</c> statement.</param>
/// <param name="CurrentProfile">The protection profile in force, when the broker includes it (provider look-ups do; registration does not).</param>
public sealed record RegisteredProvider(string ProviderId, string Name, string Jurisdiction, string Sector, string Contact, long RegisteredIndex, ProfileVersionInfo? CurrentProfile = null);

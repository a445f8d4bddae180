namespace DataCustody.Sdk.Models;

/// <summary>Whether a share is allowed, and on what ground.</summary>
/// <param name="Allowed">Whether the share is covered by a consent the person gave.</param>
/// <param name="ConsentId">The consent that covers it, when allowed.</param>
/// <param name="Reasons">Why not, when not allowed; may also explain an allowed decision.</param>
public sealed record TransferDecision(bool Allowed, string? ConsentId, IReadOnlyList<string> Reasons);

namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>The answer to a transfer check.</summary>
/// <param name="Allowed">Whether the transfer is allowed.</param>
/// <param name="ConsentId">The consent that allows it, if one does.</param>
/// <param name="Reasons">Why it is not allowed (empty when allowed).</param>
public sealed record TransferDecisionResponse(bool Allowed, string? ConsentId, IReadOnlyList<string> Reasons);

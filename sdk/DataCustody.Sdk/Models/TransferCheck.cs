namespace DataCustody.Sdk.Models;

/// <summary>A share a provider is about to make: the body of <c>POST /api/v1/transfers/check</c>.</summary>
/// <param name="Handle">The sender's handle for the person.</param>
/// <param name="Recipient">The receiving provider's id.</param>
/// <param name="Categories">fideslang data category keys to send.</param>
/// <param name="Purposes">fideslang data use keys the recipient would use them for.</param>
/// <param name="TermsSha256">The model-contract terms the transfer would be made under, if any.</param>
public sealed record TransferCheck(string Handle, string Recipient, IReadOnlyList<string> Categories, IReadOnlyList<string> Purposes, string? TermsSha256 = null);

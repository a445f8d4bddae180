namespace DataCustody.Gateway.Apis.Contracts;

/// <summary>"May I (the token's provider) pass these categories of this person to that recipient for these purposes?"</summary>
/// <param name="Handle">The sender's handle for the person.</param>
/// <param name="Recipient">The recipient's provider id.</param>
/// <param name="Categories">1-64 fideslang data category keys.</param>
/// <param name="Purposes">1-32 fideslang data use keys.</param>
/// <param name="TermsSha256">Optional: the SHA-256 of the terms the transfer would be made under.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CheckTransferRequest(string? Handle, string? Recipient, IReadOnlyList<string?>? Categories, IReadOnlyList<string?>? Purposes, string? TermsSha256);

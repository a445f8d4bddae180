namespace DataCustody.Sdk.Models;

/// <summary>One hop of the chain by which data reached a holder.</summary>
/// <param name="HopId">The hop's id.</param>
/// <param name="From">The sending provider.</param>
/// <param name="To">The receiving provider.</param>
/// <param name="Confirmed">Whether the recipient confirmed it with <c>data.received</c>.</param>
/// <param name="LegalBasis">The ground of the transfer.</param>
/// <param name="ConsentId">The consent the sender named, if any.</param>
/// <param name="AllowedBy">The person's consent that the broker found allowing the hop: none when the hop stood on another legal basis, when no consent allowed it (the transfer is flagged <c>no-consent</c>), or while only the recipient has reported it.</param>
/// <param name="RecipientProfileVersion">The recipient's protection profile version in force at the hop.</param>
/// <param name="TermsSha256">The model-contract terms of the hop.</param>
/// <param name="Evidence">The log entries that show the hop.</param>
public sealed record CustodyHop(
    long HopId,
    string From,
    string To,
    bool Confirmed,
    string? LegalBasis,
    string? ConsentId,
    string? AllowedBy,
    long? RecipientProfileVersion,
    string? TermsSha256,
    IReadOnlyList<long> Evidence);

using DataCustody.Grains.Custody;

namespace DataCustody.Gateway.Apis.People;

/// <summary>One hop of a chain, from the person's side towards the holder.</summary>
/// <param name="HopId">The hop's id (the entry index of the statement that opened it).</param>
/// <param name="From">The sender: a provider id, or the person's side of the first hop.</param>
/// <param name="To">The recipient provider id.</param>
/// <param name="Confirmed">Whether the recipient confirmed receiving it.</param>
/// <param name="LegalBasis">The legal basis the sender named.</param>
/// <param name="ConsentId">The consent the sender named, if any.</param>
/// <param name="AllowedBy">The person's consent that the broker found allowing the hop: none when the hop stood on another legal basis, when no consent allowed it (the transfer is flagged <c>no-consent</c>), or while only the recipient has reported it.</param>
/// <param name="RecipientProfileVersion">The recipient's protection profile version in force at the hop.</param>
/// <param name="TermsSha256">The model-contract terms in force at the hop.</param>
/// <param name="Evidence">The log entries that prove the hop.</param>
public sealed record HopResponse(
    long HopId,
    string From,
    string To,
    bool Confirmed,
    string? LegalBasis,
    string? ConsentId,
    string? AllowedBy,
    long? RecipientProfileVersion,
    string? TermsSha256,
    IReadOnlyList<long> Evidence)
{
    /// <summary>The wire form of <paramref name="view"/>.</summary>
    public static HopResponse Of(HopView view) => new(
        view.HopId, view.From, view.To, view.Confirmed, view.LegalBasis, view.ConsentId, view.AllowedBy,
        view.RecipientProfileVersion, view.TermsSha256, view.Evidence);
}

using DataCustody.Grains.Statements;

namespace DataCustody.Benchmarks.Custody;

/// <summary>
/// The data every simulated person entrusts and the consent they give for it: contact data for
/// the essential service, passed on only to recipients they name. Everything the load tool
/// reports, collects or transfers stays inside it, so a clean run flags nothing.
/// </summary>
internal static class ConsentTemplate
{
    public const string Name = "user.name";

    public const string Email = "user.contact.email";

    public const string Address = "user.contact.address";

    /// <summary>Not covered by any consent: asking to pass it on is refused.</summary>
    public const string Financial = "user.financial";

    public const string Purpose = "essential.service";

    /// <summary>Name, email and address for the essential service, onward only to <paramref name="recipients"/>.</summary>
    public static ConsentTerms For(IEnumerable<string> recipients, DateTimeOffset now) =>
        For([Name, Email, Address], [Purpose], [.. recipients], now.AddYears(1));

    /// <summary>
    /// The categories for the purposes, kept up to a year, onward only to <paramref name="recipients"/>
    /// (none allowed when there are none), until <paramref name="expiresAt"/>.
    /// </summary>
    public static ConsentTerms For(IReadOnlyList<string> categories, IReadOnlyList<string> purposes, IReadOnlyList<string> recipients, DateTimeOffset expiresAt) => new(
        [.. categories],
        [.. purposes],
        new OnwardTransfer(recipients.Count > 0, [.. recipients], null, []),
        365,
        expiresAt);
}

using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;

namespace DataCustody.Benchmarks.Custody;

/// <summary>A provider as the statement loads see it: who it is, the terms it transfers under, fresh statement ids.</summary>
internal interface IStatementAuthor
{
    string Id { get; }

    string TermsSha256 { get; }

    string NextId();
}

/// <summary>
/// One round of the statement loads about one person and three providers holding their data: one
/// passes the name to another (data.transferred), which confirms it (data.received); the third
/// collects the address (data.collected) and deletes the email (data.deleted). The person's
/// consents allow all of it, so nothing should be flagged.
/// </summary>
internal static class StatementRound
{
    public static IEnumerable<(TAuthor Author, ProviderStatement Statement)> Plan<TAuthor>(
        TAuthor sender, TAuthor recipient, TAuthor third, IReadOnlyDictionary<string, string> handles, DateTimeOffset now)
        where TAuthor : IStatementAuthor
    {
        var transferId = sender.NextId();
        yield return (sender, new DataTransferred(
            transferId, now, sender.Id, handles[sender.Id], recipient.Id, [ConsentTemplate.Name], [ConsentTemplate.Purpose], LegalBasis.Consent, null, sender.TermsSha256));
        yield return (recipient, new DataReceived(
            recipient.NextId(), now, recipient.Id, handles[recipient.Id], sender.Id, transferId, [ConsentTemplate.Name], $"from {sender.Id}, under its model contract"));
        yield return (third, new DataCollected(
            third.NextId(), now, third.Id, handles[third.Id], [ConsentTemplate.Address], [ConsentTemplate.Purpose], LegalBasis.Consent, null));
        yield return (third, new DataDeleted(third.NextId(), now, third.Id, handles[third.Id], [ConsentTemplate.Email], null));
    }
}

using DataCustody.Grains.Custody;
using DataCustody.Grains.Custody.Projection;
using DataCustody.Grains.Statements;
using DataCustody.Storage.Custody;
using Orleans.Concurrency;

namespace DataCustody.Grains.Compliance;

/// <summary>
/// Answers the compliance views straight from the projections, as many activations as there is
/// load; it keeps no state of its own.
/// </summary>
[StatelessWorker]
internal sealed class ComplianceGrain(ComplianceQueries queries, BrokerClock clock) : Grain, IComplianceGrain
{
    public async Task<CompliancePage<UnconsentedTransfer>> GetUnconsentedTransfers(PageCursor? after, int limit)
    {
        var page = await queries.UnconsentedTransfersAsync(Key(after), Bounded(limit));
        return Page(page, r => new UnconsentedTransfer(
            r.Violation.EntryIndex,
            r.Hop.HopId,
            r.Hop.Sender,
            r.Hop.SenderHandle!,
            r.Hop.Recipient,
            r.Hop.RecipientHandle,
            r.Hop.TransferId,
            EntryProjection.ReadArray(r.Hop.Categories),
            EntryProjection.ReadArray(r.Hop.Purposes),
            DateTimeOffset.FromUnixTimeMilliseconds(r.Hop.TransferredAtMs!.Value),
            r.Violation.Detail));
    }

    public async Task<CompliancePage<UnconfirmedHop>> GetUnconfirmedHops(PageCursor? after, int limit)
    {
        var page = await queries.UnconfirmedHopsAsync(Key(after), Bounded(limit));
        var now = clock.Now;
        return Page(page, hop =>
        {
            var bySender = hop.TransferIndex is not null;
            var reportedAt = DateTimeOffset.FromUnixTimeMilliseconds((bySender ? hop.TransferredAtMs : hop.ReceivedAtMs)!.Value);
            return new UnconfirmedHop(
                hop.HopId,
                bySender ? HopSide.Sender : HopSide.Recipient,
                hop.Sender,
                hop.SenderHandle,
                hop.Recipient,
                hop.RecipientHandle,
                hop.TransferId,
                EntryProjection.ReadArray(hop.Categories),
                reportedAt,
                (bySender ? hop.TransferIndex : hop.ReceivedIndex)!.Value,
                now - reportedAt);
        });
    }

    public async Task<CompliancePage<ObligationView>> GetOverdueDeletions(PageCursor? after, int limit) =>
        Page(await queries.OverdueObligationsAsync(Key(after), Bounded(limit)), ObligationViews.From);

    public async Task<CompliancePage<ExpiredCertifications>> GetExpiredCertifications(PageCursor? after, int limit)
    {
        limit = Bounded(limit);
        var today = DateOnly.FromDateTime(clock.Now.UtcDateTime);
        var found = new List<ExpiredCertifications>(limit);
        var key = Key(after);
        // Certifications live inside the profile statements, so holders are read in batches and
        // filtered here until the page is full or no holder is left. Most holders pass, so a batch
        // is not cut to a small page: that would cost a query per holder.
        var batch = Math.Max(limit, ComplianceLimits.DefaultPage);
        while (true)
        {
            var page = await queries.CurrentProfilesAsync(key, batch);
            foreach (var current in page.Rows)
            {
                var profile = StoredStatement.Parse<ProfileDeclared>(current.Profile.Statement);
                var expired = profile.Certifications.Where(c => c.ValidUntil < today).ToList();
                if (expired.Count == 0)
                {
                    continue;
                }
                found.Add(new ExpiredCertifications(
                    ProviderViews.From(current.Provider), current.Profile.Version, profile.Level,
                    DateTimeOffset.FromUnixTimeMilliseconds(current.Profile.DeclaredAtMs), current.Profile.EntryIndex, expired));
                if (found.Count == limit)
                {
                    return new CompliancePage<ExpiredCertifications>(found, new PageCursor(0, current.Provider.RegisteredIndex));
                }
            }
            if (page.Next is null)
            {
                return new CompliancePage<ExpiredCertifications>(found, null);
            }
            key = page.Next;
        }
    }

    public async Task<CompliancePage<ProvisionRecord>> GetProvisionRecords(string providerId, DateTimeOffset from, DateTimeOffset until, PageCursor? after, int limit)
    {
        var page = await queries.ProvisionsAsync(providerId, from.ToUnixTimeMilliseconds(), until.ToUnixTimeMilliseconds(), Key(after), Bounded(limit));
        return Page(page, r => new ProvisionRecord(
            DateTimeOffset.FromUnixTimeMilliseconds(r.Hop.TransferredAtMs!.Value),
            r.Hop.TransferIndex!.Value,
            r.Hop.HopId,
            r.Hop.TransferId,
            ProviderViews.From(r.Counterparty),
            r.Hop.SenderHandle!,
            EntryProjection.ReadArray(r.Hop.Categories),
            EntryProjection.ReadArray(r.Hop.Purposes),
            r.Hop.LegalBasis!,
            r.Hop.ConsentId,
            r.Hop.ReceivedIndex is not null));
    }

    public async Task<CompliancePage<ReceiptRecord>> GetReceiptRecords(string providerId, DateTimeOffset from, DateTimeOffset until, PageCursor? after, int limit)
    {
        var page = await queries.ReceiptsAsync(providerId, from.ToUnixTimeMilliseconds(), until.ToUnixTimeMilliseconds(), Key(after), Bounded(limit));
        return Page(page, r => new ReceiptRecord(
            DateTimeOffset.FromUnixTimeMilliseconds(r.Hop.ReceivedAtMs!.Value),
            r.Hop.ReceivedIndex!.Value,
            r.Hop.HopId,
            r.Hop.TransferId,
            ProviderViews.From(r.Counterparty),
            r.Hop.ObtainedVia,
            r.Hop.RecipientHandle!,
            EntryProjection.ReadArray(r.Hop.Categories),
            r.Hop.TransferIndex is not null));
    }

    private static int Bounded(int limit) => limit is >= 1 and <= ComplianceLimits.MaxPage
        ? limit
        : throw new ArgumentOutOfRangeException(nameof(limit), limit, $"A page holds 1 to {ComplianceLimits.MaxPage} rows.");

    private static PageKey? Key(PageCursor? cursor) => cursor is null ? null : new PageKey(cursor.Order, cursor.Index);

    private static PageCursor? Cursor(PageKey? key) => key is null ? null : new PageCursor(key.Order, key.Index);

    private static CompliancePage<TView> Page<TRow, TView>(RowPage<TRow> page, Func<TRow, TView> view) =>
        new([.. page.Rows.Select(view)], Cursor(page.Next));
}

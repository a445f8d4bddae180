using DataCustody.Grains.Custody.Projection;
using DataCustody.Storage.Custody;

namespace DataCustody.Grains.Custody;

/// <summary>
/// Builds a person's custody view from their model: for each holder and category the latest
/// copy, its status, and the chain of hops back to the collection, each with its entry indices.
/// </summary>
internal static class CustodyViewBuilder
{
    public static CustodyView Build(PersonModel model, DateTimeOffset now)
    {
        var copies = model.Holdings
            .GroupBy(h => (h.Holder, h.Handle, h.Category))
            .ToDictionary(g => g.Key, g => g.OrderBy(h => h.AcquiredIndex).ToList());
        var openObligations = model.Obligations.Values.Where(o => o.Status != "answered").ToList();
        // Chains of many copies share their hops; each hop becomes one view object.
        var hops = new Dictionary<long, HopView>();

        var holders = copies
            .GroupBy(c => c.Key.Holder, c => c.Value[^1])
            .OrderBy(g => g.Min(h => h.AcquiredIndex))
            .Select(g => new HolderView(g.Key, [.. g.OrderBy(h => h.Category, StringComparer.Ordinal).Select(h => Holding(h, model, copies, openObligations, hops, now))]))
            .ToList();
        return new CustodyView(holders);
    }

    private static HoldingView Holding(
        HoldingRow latest, PersonModel model, Dictionary<(string, string, string), List<HoldingRow>> copies, List<ObligationRow> openObligations,
        Dictionary<long, HopView> hops, DateTimeOffset now)
    {
        var obligations = openObligations
            .Where(o => o.Holder == latest.Holder && o.Handle == latest.Handle && EntryProjection.ReadArray(o.Categories).Contains(latest.Category))
            .ToList();
        var status = latest.ReleasedIndex is not null ? HoldingStatus.Deleted
            // A deadline that passed is overdue even before the sweep logs it.
            : obligations.Any(o => o.Status == "overdue" || o.DueAtMs <= now.ToUnixTimeMilliseconds()) ? HoldingStatus.DeletionOverdue
            : obligations.Count > 0 ? HoldingStatus.DeletionDue
            : HoldingStatus.Holding;

        var evidence = new List<long> { latest.AcquiredIndex };
        if (latest.ReleasedIndex is { } released)
        {
            evidence.Add(released);
        }
        foreach (var obligation in obligations)
        {
            evidence.Add(obligation.DueIndex);
            if (obligation.OverdueIndex is { } overdue)
            {
                evidence.Add(overdue);
            }
        }

        return new HoldingView(
            latest.Category,
            DateTimeOffset.FromUnixTimeMilliseconds(latest.AcquiredAtMs),
            latest.ReleasedAtMs is { } until ? DateTimeOffset.FromUnixTimeMilliseconds(until) : null,
            status,
            latest.ProfileVersion,
            latest.TermsSha256,
            Chain(latest, model, copies, hops),
            [.. evidence.Order()]);
    }

    /// <summary>The hops from the collecting holder to this copy, in the order the data travelled.</summary>
    private static IReadOnlyList<HopView> Chain(
        HoldingRow copy, PersonModel model, Dictionary<(string, string, string), List<HoldingRow>> copies, Dictionary<long, HopView> hops)
    {
        var chain = new List<HopView>();
        var seen = new HashSet<long>();
        var current = copy;
        while (current.ViaHop is { } hopId && seen.Add(hopId) && model.Hops.TryGetValue(hopId, out var hop))
        {
            if (!hops.TryGetValue(hopId, out var view))
            {
                view = View(hop);
                hops[hopId] = view;
            }
            chain.Add(view);
            // The sender's copy that was passed on: the latest it acquired before the hop.
            if (hop.SenderHandle is null || !copies.TryGetValue((hop.Sender, hop.SenderHandle, current.Category), out var senderCopies)
                || LatestBefore(senderCopies, hopId) is not { } source)
            {
                break;
            }
            current = source;
        }
        chain.Reverse();
        return chain;
    }

    private static HopView View(HopRow hop)
    {
        var evidence = new List<long>(2);
        if (hop.TransferIndex is { } transfer)
        {
            evidence.Add(transfer);
        }
        if (hop.ReceivedIndex is { } received)
        {
            evidence.Add(received);
        }
        return new HopView(
            hop.HopId, hop.Sender, hop.Recipient, hop.TransferIndex is not null && hop.ReceivedIndex is not null,
            hop.LegalBasis, hop.ConsentId, hop.RecipientProfileVersion, hop.TermsSha256, evidence);
    }

    /// <summary>The last of copies ordered by acquisition that was acquired before <paramref name="index"/>.</summary>
    private static HoldingRow? LatestBefore(List<HoldingRow> ordered, long index)
    {
        var (low, high) = (0, ordered.Count - 1);
        HoldingRow? found = null;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (ordered[middle].AcquiredIndex < index)
            {
                found = ordered[middle];
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return found;
    }
}

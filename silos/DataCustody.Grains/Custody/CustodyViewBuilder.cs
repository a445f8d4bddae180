using DataCustody.Grains.Custody.Projection;
using DataCustody.Storage.Custody;

namespace DataCustody.Grains.Custody;

/// <summary>
/// Builds a person's custody view from their model: for each holder and category the latest
/// copy, its status, the chain of hops back to the collection, and what the holder's current copies depend on;
/// and each with its entry indices: a copy's
/// are those that made it, handed down what it depends on, ended it, or oblige its holder to delete it,
/// and those that made the holder's older copies of the category that it still holds, handed down what
/// they depend on, and carried them there.
/// </summary>
internal static class CustodyViewBuilder
{
    public static CustodyView Build(PersonModel model, DateTimeOffset now)
    {
        var copies = model.Holdings
            .GroupBy(h => (h.Holder, h.Handle, h.Category))
            .ToDictionary(g => g.Key, g => g.OrderBy(h => h.AcquiredIndex).ToList());
        var openObligations = model.Obligations.Values.Where(o => o.Status != "answered").ToList();
        var steps = new Steps(model, copies);

        var holders = copies
            .GroupBy(c => c.Key.Holder, c => c.Value)
            .OrderBy(g => g.Min(ordered => ordered[^1].AcquiredIndex))
            .Select(g => new HolderView(g.Key, [.. g.OrderBy(ordered => ordered[^1].Category, StringComparer.Ordinal).Select(ordered => Holding(ordered, openObligations, steps, now))]))
            .ToList();
        return new CustodyView(holders);
    }

    /// <summary>The view of a holder's copies of one category under one handle, <paramref name="ordered"/> by acquisition.</summary>
    private static HoldingView Holding(
        List<HoldingRow> ordered, List<ObligationRow> openObligations, Steps steps, DateTimeOffset now)
    {
        var latest = ordered[^1];
        var obligations = openObligations
            .Where(o => o.Holder == latest.Holder && o.Handle == latest.Handle && EntryProjection.ReadArray(o.Categories).Contains(latest.Category))
            .ToList();
        var status = latest.ReleasedIndex is not null ? HoldingStatus.Deleted
            // A deadline that passed is overdue even before the sweep logs it.
            : obligations.Any(o => o.Status == "overdue" || o.DueAtMs <= now.ToUnixTimeMilliseconds()) ? HoldingStatus.DeletionOverdue
            : obligations.Count > 0 ? HoldingStatus.DeletionDue
            : HoldingStatus.Holding;

        // The copies the holder still holds: what a revocation would oblige it to delete rests on all of them.
        var current = ordered.Where(copy => copy.ReleasedIndex is null).ToList();
        var evidence = new List<long>();
        AddMade(evidence, latest);
        // The view shows the latest copy, yet the holder holds every older copy not ended with it, by its own route
        // and on what was handed down to it: the holder keeps the category while any of them stands, so they are its
        // custody too. A deletion ends them all at once, so older copies stand only beside a latest that stands.
        var earlier = new List<CopyView>();
        foreach (var older in current.Where(copy => copy != latest))
        {
            var copy = new CopyView(DateTimeOffset.FromUnixTimeMilliseconds(older.AcquiredAtMs), Chain(older, steps));
            earlier.Add(copy);
            AddMade(evidence, older);
            evidence.AddRange(copy.Chain.SelectMany(hop => hop.Evidence));
        }
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

        // The holder has had the category without a break since the oldest copy that stands with the latest or that the
        // latest's deletion ended with it: a copy got again after a deletion starts a new holding.
        var heldSince = ordered.First(copy => copy.ReleasedIndex == latest.ReleasedIndex);
        return new HoldingView(
            latest.Category,
            DateTimeOffset.FromUnixTimeMilliseconds(heldSince.AcquiredAtMs),
            latest.ReleasedAtMs is { } until ? DateTimeOffset.FromUnixTimeMilliseconds(until) : null,
            status,
            latest.ProfileVersion,
            latest.TermsSha256,
            Chain(latest, steps),
            [.. evidence.Distinct().Order()],
            [.. current.SelectMany(HoldingRoots.Of).Distinct(StringComparer.Ordinal)],
            current.Any(copy => copy.OnOwnBasis),
            earlier);
    }

    /// <summary>Adds the entries that made <paramref name="copy"/> and handed down what it depends on.</summary>
    private static void AddMade(List<long> evidence, HoldingRow copy)
    {
        evidence.Add(copy.AcquiredIndex);
        // The chain's entries say what a copy depended on when it was passed on; a copy passed on before its
        // sender's transfer was reported learned it later, from a holdings.inherited entry.
        if (copy.HandedDownIndex is { } handedDown)
        {
            evidence.Add(handedDown);
        }
    }

    /// <summary>The hops from the collecting holder to this copy, in the order the data travelled.</summary>
    private static IReadOnlyList<HopView> Chain(HoldingRow copy, Steps steps)
    {
        var chain = new List<HopView>();
        var seen = new HashSet<long>();
        var current = copy;
        while (steps.Back(current) is { } step && seen.Add(step.View.HopId))
        {
            chain.Add(step.View);
            if (step.Source is not { } source)
            {
                break;
            }
            current = source;
        }
        chain.Reverse();
        return chain;
    }

    /// <summary>
    /// One step back along a chain: the hop a copy came by and the sender's copy that was passed
    /// on. The chains of one person's copies run through the same copies again and again (a
    /// thousand hops among twenty holders), so each step is worked out once per view.
    /// </summary>
    private sealed class Steps(PersonModel model, Dictionary<(string, string, string), List<HoldingRow>> copies)
    {
        private readonly Dictionary<HoldingRow, Step?> _known = new(ReferenceEqualityComparer.Instance);
        // A hop that carried several categories is one view object in all their chains.
        private readonly Dictionary<long, HopView> _views = [];

        public Step? Back(HoldingRow copy)
        {
            if (_known.TryGetValue(copy, out var known))
            {
                return known;
            }
            Step? step = null;
            if (copy.ViaHop is { } hopId && model.Hops.TryGetValue(hopId, out var hop))
            {
                // The sender's copy that was passed on: the latest it acquired before the hop.
                var source = hop.SenderHandle is not null && copies.TryGetValue((hop.Sender, hop.SenderHandle, copy.Category), out var senderCopies)
                    ? LatestBefore(senderCopies, hopId)
                    : null;
                if (!_views.TryGetValue(hopId, out var view))
                {
                    view = View(hop);
                    _views[hopId] = view;
                }
                step = new Step(view, source);
            }
            _known[copy] = step;
            return step;
        }
    }

    private sealed record Step(HopView View, HoldingRow? Source);

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
            hop.LegalBasis, hop.ConsentId, hop.RootConsentId, hop.RecipientProfileVersion, hop.TermsSha256, evidence);
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

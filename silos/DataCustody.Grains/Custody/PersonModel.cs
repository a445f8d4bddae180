using DataCustody.Grains.Custody.Projection;
using DataCustody.Grains.Taxonomy;
using DataCustody.Storage.Custody;

namespace DataCustody.Grains.Custody;

/// <summary>
/// A person's part of the projections, held in memory by their grain: loaded from the database
/// on activation and kept current by applying the same changes the projector writes.
/// </summary>
public sealed class PersonModel
{
    /// <summary>The person's handle at each provider.</summary>
    public Dictionary<string, string> HandleByProvider { get; } = new(StringComparer.Ordinal);

    /// <summary>Consents by id.</summary>
    public Dictionary<string, ConsentRow> Consents { get; } = new(StringComparer.Ordinal);

    /// <summary>Consent requests by id.</summary>
    public Dictionary<string, ConsentRequestRow> Requests { get; } = new(StringComparer.Ordinal);

    /// <summary>Hops by id (the entry index of their first statement).</summary>
    public Dictionary<long, HopRow> Hops { get; } = [];

    private readonly List<HoldingRow> _holdings = [];

    // Where in _holdings each holder's current copies under a handle are, by category, in log order. Every
    // statement about a holder asks what it holds now, and a holder gets another copy each time it reports
    // a category again: looking the categories up keeps a long history from slowing every statement.
    private readonly Dictionary<(string Holder, string Handle), Dictionary<string, List<int>>> _current = [];

    // Where in _holdings the copies that came by each hop are, and the hops of each sender's transfer: a
    // transfer's receipt and the sender's report look for each other, and a late report hands its consent
    // to the copies its receipt made, so that each statement about a hop does not scan the person's history.
    private readonly Dictionary<long, List<int>> _copiesByHop = [];
    private readonly Dictionary<(string Sender, string TransferId), List<long>> _hopsByTransfer = [];

    // The reported hops of each sender's copies under a handle: a receipt reported before its transfer makes
    // the transfer's report hand down what the copies depend on, hop by hop, and that must not scan the
    // person's whole history for every such transfer.
    private readonly Dictionary<(string Sender, string SenderHandle), List<long>> _hopsReportedBy = [];

    /// <summary>Every copy of every category, current and ended, in log order.</summary>
    public IReadOnlyList<HoldingRow> Holdings => _holdings;

    /// <summary>Obligations by id.</summary>
    public Dictionary<string, ObligationRow> Obligations { get; } = new(StringComparer.Ordinal);

    // While changes are applied tentatively, how to take back each one, oldest first.
    private List<Action>? _undo;

    /// <summary>
    /// Applies changes tentatively until the returned scope is disposed, which takes them back: a
    /// batch of statements is judged with each statement's changes applied before the next is judged,
    /// and the batch's real changes are applied once it is logged. Taking back costs as much as the
    /// changes did; a copy of the model would cost as much as the person's whole history.
    /// </summary>
    public IDisposable Tentatively()
    {
        if (_undo is not null)
        {
            throw new InvalidOperationException("Changes are applied tentatively already.");
        }
        _undo = [];
        return new TakeBack(this);
    }

    /// <summary>Whether <paramref name="handle"/> is one of this person's.</summary>
    public bool Owns(string? handle) => handle is not null && HandleByProvider.ContainsValue(handle);

    /// <summary>Builds the model from the rows stored under the person's handles.</summary>
    public static PersonModel Load(IReadOnlyDictionary<string, string> handles, CustodyQueries.HandleState state)
    {
        ArgumentNullException.ThrowIfNull(handles);
        ArgumentNullException.ThrowIfNull(state);
        var model = new PersonModel();
        foreach (var (provider, handle) in handles)
        {
            model.HandleByProvider[provider] = handle;
        }
        foreach (var row in state.Consents)
        {
            model.Consents[row.ConsentId] = row;
        }
        foreach (var row in state.Requests)
        {
            model.Requests[row.RequestId] = row;
        }
        foreach (var row in state.Hops)
        {
            model.AddHop(row);
        }
        foreach (var row in state.Holdings)
        {
            model.AddHolding(row);
        }
        foreach (var row in state.Obligations)
        {
            model.Obligations[row.ObligationId] = row;
        }
        return model;
    }

    /// <summary>Applies a change this person's entries made; changes about other people are ignored.</summary>
    public void Apply(ProjectionChange change)
    {
        switch (change)
        {
            case RowAdded { Row: HandleRow row }:
                Set(HandleByProvider, row.ProviderId, row.Handle);
                break;
            case RowAdded { Row: ConsentRow row }:
                Set(Consents, row.ConsentId, row);
                break;
            case RowAdded { Row: ConsentRequestRow row }:
                Set(Requests, row.RequestId, row);
                break;
            case RowAdded { Row: HopRow row }:
                AddHop(row);
                break;
            case RowAdded { Row: HoldingRow row }:
                AddHolding(row);
                break;
            case RowAdded { Row: ObligationRow row }:
                Set(Obligations, row.ObligationId, row);
                break;
            case RequestDecided c when Requests.TryGetValue(c.RequestId, out var request):
                Set(Requests, c.RequestId, request with { Status = c.Status, DecidedIndex = c.DecidedIndex });
                break;
            case ConsentEnded c when Consents.TryGetValue(c.ConsentId, out var consent):
                Set(Consents, c.ConsentId, consent with { Status = c.Status, EndedIndex = c.EndedIndex });
                break;
            case HopConfirmed c when Hops.TryGetValue(c.HopId, out var hop):
                Set(Hops, c.HopId, hop with { RecipientHandle = c.RecipientHandle, ReceivedAtMs = c.ReceivedAtMs, ReceivedIndex = c.ReceivedIndex, ObtainedVia = c.ObtainedVia });
                break;
            case HopCompleted c when Hops.TryGetValue(c.SenderSide.HopId, out var hop):
                // The same columns CustodyProjectionWriter.CompleteHopAsync sets.
                Set(Hops, hop.HopId, hop with
                {
                    SenderHandle = c.SenderSide.SenderHandle, Purposes = c.SenderSide.Purposes, LegalBasis = c.SenderSide.LegalBasis,
                    ConsentId = c.SenderSide.ConsentId, RootConsentId = c.SenderSide.RootConsentId, TermsSha256 = c.SenderSide.TermsSha256, SenderProfileVersion = c.SenderSide.SenderProfileVersion,
                    RecipientProfileVersion = c.SenderSide.RecipientProfileVersion, TransferredAtMs = c.SenderSide.TransferredAtMs,
                    TransferIndex = c.SenderSide.TransferIndex,
                });
                IndexReported(c.SenderSide);
                break;
            case HoldingsInherited c when _copiesByHop.TryGetValue(c.HopId, out var copies):
                // The same consents and basis CustodyProjector.InheritAsync writes.
                foreach (var i in copies)
                {
                    var category = _holdings[i].Category;
                    ReplaceHolding(i, HoldingRoots.With(_holdings[i], HoldingRoots.For(category, c.RootConsentId, c.Inherited)) with
                    {
                        OnOwnBasis = HoldingRoots.OnOwnBasis(category, c.OwnBasis), TermsSha256 = c.TermsSha256,
                    });
                }
                break;
            case CopiesHandedDown c when _copiesByHop.TryGetValue(c.HopId, out var copies):
                // The same copies and values CustodyProjector.HandDownAsync writes.
                foreach (var inherited in c.Categories)
                {
                    foreach (var i in copies)
                    {
                        if (_holdings[i].Category == inherited.Category)
                        {
                            ReplaceHolding(i, HoldingRoots.With(_holdings[i], inherited.Consents) with
                            {
                                OnOwnBasis = _holdings[i].OnOwnBasis || inherited.OwnBasis, HandedDownIndex = c.HandedDownIndex,
                            });
                        }
                    }
                }
                break;
            case HoldingsReleased c when _current.TryGetValue((c.Holder, c.Handle), out var held):
                // Deleting a category deletes the categories beneath it too, as CustodyProjectionWriter.ReleaseHoldingsAsync does.
                foreach (var category in held.Keys.Where(k => c.Categories.Any(d => FideslangTaxonomy.Covers(d, k))).ToList())
                {
                    foreach (var i in held[category])
                    {
                        ReplaceHolding(i, _holdings[i] with { ReleasedIndex = c.ReleasedIndex, ReleasedAtMs = c.ReleasedAtMs });
                    }
                    Remove(held, category);
                }
                break;
            case ObligationAnswered c when Obligations.TryGetValue(c.ObligationId, out var obligation):
                Set(Obligations, c.ObligationId, obligation with { Status = "answered", AnsweredIndex = c.AnsweredIndex });
                break;
            case ObligationWentOverdue c when Obligations.TryGetValue(c.ObligationId, out var obligation):
                Set(Obligations, c.ObligationId, obligation with { Status = "overdue", OverdueIndex = c.OverdueIndex });
                break;
        }
    }

    /// <summary>The categories the holder has a current copy of under <paramref name="handle"/>.</summary>
    public IReadOnlyCollection<string> HeldCategories(string holder, string handle) =>
        _current.TryGetValue((holder, handle), out var held) ? held.Keys : [];

    /// <summary>The holder's current copies of <paramref name="category"/> under <paramref name="handle"/>, in log order.</summary>
    public IEnumerable<HoldingRow> CurrentCopiesOf(string holder, string handle, string category) =>
        _current.TryGetValue((holder, handle), out var held) && held.TryGetValue(category, out var copies) ? copies.Select(i => _holdings[i]) : [];

    /// <summary>
    /// Every consent that the holder's current copies of <paramref name="category"/> or of a category
    /// above it depend on, each once, the oldest copy's first; none when none of them depends on a
    /// consent. Whatever route each copy came by, the holder holds the category lawfully while any of
    /// these is active, or while one of the copies stands on a basis of its own (<see cref="HoldsOnOwnBasis"/>):
    /// a copy of <c>user.contact</c> holds <c>user.contact.email</c> too. A copy of a category beneath holds
    /// only part of it, and so does not count.
    /// </summary>
    public IReadOnlyList<string> RootsOf(string holder, string handle, string category) =>
        [.. Covering(holder, handle, category).SelectMany(HoldingRoots.Of).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Whether one of the holder's current copies of <paramref name="category"/> or of a category above it
    /// stands on a basis of its own: then the holder holds the category lawfully whatever consent ends.
    /// </summary>
    public bool HoldsOnOwnBasis(string holder, string handle, string category) =>
        Covering(holder, handle, category).Any(copy => copy.OnOwnBasis);

    // The holder's current copies of the category and of the categories above it, the oldest first.
    private IEnumerable<HoldingRow> Covering(string holder, string handle, string category)
    {
        if (!_current.TryGetValue((holder, handle), out var held))
        {
            return [];
        }
        // Fewer than a hundred categories exist, however long the holder's history: scanning its own is cheap.
        return held.Where(copies => FideslangTaxonomy.Covers(copies.Key, category)).SelectMany(copies => copies.Value).Order().Select(i => _holdings[i]);
    }

    /// <summary>The current copies that came by hop <paramref name="hopId"/>.</summary>
    public IEnumerable<HoldingRow> CurrentCopiesVia(long hopId) =>
        _copiesByHop.TryGetValue(hopId, out var copies) ? copies.Select(i => _holdings[i]).Where(h => h.ReleasedIndex is null) : [];

    /// <summary>
    /// The hops by which <paramref name="sender"/> passed on the data it holds under <paramref name="handle"/> and
    /// reported doing so, the oldest first.
    /// </summary>
    public IEnumerable<HopRow> HopsReportedBy(string sender, string handle) =>
        _hopsReportedBy.TryGetValue((sender, handle), out var hops) ? hops.Order().Select(id => Hops[id]) : [];

    /// <summary>The hops of <paramref name="sender"/>'s transfer <paramref name="transferId"/> of this person's data, one per recipient handle.</summary>
    public IEnumerable<HopRow> HopsOfTransfer(string sender, string transferId) =>
        _hopsByTransfer.TryGetValue((sender, transferId), out var hops) ? hops.Select(id => Hops[id]) : [];

    private void AddHop(HopRow row)
    {
        Set(Hops, row.HopId, row);
        Append(ValueFor(_hopsByTransfer, (row.Sender, row.TransferId)), row.HopId);
        IndexReported(row);
    }

    private void IndexReported(HopRow row)
    {
        if (row is { TransferIndex: not null, SenderHandle: { } senderHandle })
        {
            Append(ValueFor(_hopsReportedBy, (row.Sender, senderHandle)), row.HopId);
        }
    }

    private void AddHolding(HoldingRow row)
    {
        Append(_holdings, row);
        var position = _holdings.Count - 1;
        if (row.ReleasedIndex is null)
        {
            Append(ValueFor(ValueFor(_current, (row.Holder, row.Handle)), row.Category), position);
        }
        if (row.ViaHop is { } hop)
        {
            Append(ValueFor(_copiesByHop, hop), position);
        }
    }

    // The undo actions are made only while tentative: a lambda's captures are allocated where the
    // captured variables are declared, so the methods that change the model declare none.
    private void ReplaceHolding(int position, HoldingRow row)
    {
        _undo?.Add(Restoring(_holdings, position));
        _holdings[position] = row;
    }

    private void Set<TKey, TValue>(IDictionary<TKey, TValue> map, TKey key, TValue value)
    {
        _undo?.Add(Restoring(map, key));
        map[key] = value;
    }

    private void Remove<TKey, TValue>(IDictionary<TKey, TValue> map, TKey key)
    {
        _undo?.Add(Restoring(map, key));
        map.Remove(key);
    }

    private void Append<T>(List<T> list, T item)
    {
        _undo?.Add(RemovingLast(list));
        list.Add(item);
    }

    private static Action Restoring<T>(List<T> list, int position)
    {
        var old = list[position];
        return () => list[position] = old;
    }

    private static Action Restoring<TKey, TValue>(IDictionary<TKey, TValue> map, TKey key) =>
        map.TryGetValue(key, out var old) ? () => map[key] = old : () => map.Remove(key);

    private static Action RemovingLast<T>(List<T> list) => () => list.RemoveAt(list.Count - 1);

    private TValue ValueFor<TKey, TValue>(Dictionary<TKey, TValue> index, TKey key)
        where TKey : notnull
        where TValue : new()
    {
        if (!index.TryGetValue(key, out var value))
        {
            value = new TValue();
            Set(index, key, value);
        }
        return value;
    }

    /// <summary>Takes back what was applied tentatively, newest first.</summary>
    private sealed class TakeBack(PersonModel model) : IDisposable
    {
        public void Dispose()
        {
            if (model._undo is not { } undo)
            {
                return;
            }
            for (var i = undo.Count - 1; i >= 0; i--)
            {
                undo[i]();
            }
            model._undo = null;
        }
    }
}

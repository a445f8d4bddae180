using DataCustody.Grains.Statements;

namespace DataCustody.Grains.Custody.Breaches;

/// <summary>A breach folded from its logged entries: the filing, each update applied in order, the latest assessment.</summary>
internal sealed class BreachModel
{
    private readonly List<BreachEvent> _history = [];

    public string? Holder { get; private set; }

    public string FiledBy { get; private set; } = "";

    public string Status { get; private set; } = BreachStatuses.Reported;

    public BreachDetails? Details { get; private set; }

    public LoggedAssessment? Assessment { get; private set; }

    public bool Exists => Details is not null;

    /// <summary>Applies one logged entry about the breach.</summary>
    public void Apply(long index, DateTimeOffset recordedAt, Statement statement)
    {
        switch (statement)
        {
            case BreachReported s:
                Filed(s.Provider, "holder", s.Details);
                break;
            case BreachFiled s:
                Filed(s.Holder, "regulator", s.Details);
                break;
            case BreachUpdated s:
                Changed(s.Changes);
                break;
            case BreachRevised s:
                Changed(s.Changes);
                break;
            case BreachAssessed s:
                Assessment = new LoggedAssessment(index, recordedAt, s.Assessment);
                break;
            case BreachReviewed:
                // An upstream provider's answer changes nothing about the breach itself; it only joins the history.
                break;
            default:
                throw new InvalidDataException($"Entry {index} ({statement.Type}) is not about a breach.");
        }
        _history.Add(new BreachEvent(index, statement.Type, recordedAt, Status, (statement as BreachUpdated)?.Changes.Note ?? (statement as BreachRevised)?.Changes.Note));
    }

    /// <summary>Why <paramref name="changes"/> cannot be applied now, or null when they can.</summary>
    public string? RefusalOf(BreachChanges changes)
    {
        if (Status == BreachStatuses.Closed)
        {
            return "The breach is closed; nothing more is added to it.";
        }
        return BreachStatuses.Rank(changes.Status) < BreachStatuses.Rank(Status)
            ? $"The breach is {Status} already; it cannot go back to {changes.Status}."
            : null;
    }

    public BreachView View(string breachId) =>
        new(breachId, Holder!, FiledBy, Status, Details!, [.. _history], Assessment);

    private void Filed(string holder, string filedBy, BreachDetails details)
    {
        Holder = holder;
        FiledBy = filedBy;
        Details = details;
    }

    private void Changed(BreachChanges c)
    {
        Status = c.Status;
        Details = Details! with
        {
            EstimatedRecords = c.EstimatedRecords ?? Details.EstimatedRecords,
            Cause = c.Cause ?? Details.Cause,
            Measures = c.Measures ?? Details.Measures,
            SecondaryHarm = c.SecondaryHarm ?? Details.SecondaryHarm,
            ResponseToPeople = c.ResponseToPeople ?? Details.ResponseToPeople,
            Publication = c.Publication ?? Details.Publication,
            Prevention = c.Prevention ?? Details.Prevention,
        };
    }
}

using DataCustody.Grains.Custody.Projection;
using DataCustody.Storage.Custody;

namespace DataCustody.Grains.Custody;

/// <summary>Obligation rows as the API shows them.</summary>
internal static class ObligationViews
{
    public static ObligationView From(ObligationRow row) => new(
        row.ObligationId,
        row.Holder,
        row.Handle,
        EntryProjection.ReadArray(row.Categories),
        row.ConsentId,
        DateTimeOffset.FromUnixTimeMilliseconds(row.DueAtMs),
        Status(row.Status),
        row.DueIndex,
        row.AnsweredIndex,
        row.OverdueIndex);

    public static ObligationStatus Status(string stored) => stored switch
    {
        "due" => ObligationStatus.Due,
        "answered" => ObligationStatus.Answered,
        "overdue" => ObligationStatus.Overdue,
        _ => throw new InvalidDataException($"Unknown obligation status '{stored}'."),
    };
}

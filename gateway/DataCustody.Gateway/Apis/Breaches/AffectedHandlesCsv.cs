using DataCustody.Storage.Custody;

namespace DataCustody.Gateway.Apis.Breaches;

/// <summary>The affected handles per holder (<see cref="Grains.Custody.Breaches.AffectedHandles"/>) as RFC 4180 CSV.</summary>
public static class AffectedHandlesCsv
{
    private static readonly string[] Header = ["holder", "role", "handle", "categories"];

    /// <summary>The CSV text of <paramref name="handles"/>, one row per holder and handle, in the order given.</summary>
    public static string Write(IEnumerable<AffectedHandleRow> handles) =>
        Csv.Write(Header, handles.Select(row => new[] { row.Holder, row.Role, row.Handle, row.Categories }));
}

using System.Text.Json.Serialization;

namespace DataCustody.Grains.Ledger;

/// <summary>
/// The consents that the copies of one category a transfer made depend on, when no consent of the
/// person allowed the transfer: every consent the sender's copies of that category depended on. A
/// holder given a category by two routes under two consents holds it lawfully while either is
/// active, and so does whoever it passes the category on to.
/// </summary>
[GenerateSerializer, Immutable, Alias("DataCustody.Ledger.InheritedRoots")]
public sealed record InheritedRoots(
    [property: Id(0), JsonPropertyName("category")] string Category,
    [property: Id(1), JsonPropertyName("consents")] IReadOnlyList<string> Consents);

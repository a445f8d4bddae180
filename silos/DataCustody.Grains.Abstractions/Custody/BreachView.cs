using DataCustody.Grains.Statements;

namespace DataCustody.Grains.Custody;

/// <summary>A breach as it stands: who filed it, the stage reached, what is known, and the latest assessment.</summary>
/// <param name="BreachId">The breach's id.</param>
/// <param name="Holder">The breached provider.</param>
/// <param name="FiledBy"><c>holder</c> or <c>regulator</c>.</param>
/// <param name="Status">The stage reached (<see cref="BreachStatuses"/>).</param>
/// <param name="Details">What is known now: the filing with every later update applied.</param>
/// <param name="History">Every logged entry about the breach, oldest first.</param>
/// <param name="Assessment">The latest logged assessment, if any.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.BreachView")]
public sealed record BreachView(
    [property: Id(0)] string BreachId,
    [property: Id(1)] string Holder,
    [property: Id(2)] string FiledBy,
    [property: Id(3)] string Status,
    [property: Id(4)] BreachDetails Details,
    [property: Id(5)] IReadOnlyList<BreachEvent> History,
    [property: Id(6)] LoggedAssessment? Assessment);

/// <summary>One logged entry about a breach.</summary>
/// <param name="EntryIndex">Where it is in the log.</param>
/// <param name="Type">The statement type.</param>
/// <param name="RecordedAt">When the broker logged it.</param>
/// <param name="Status">The stage the breach was at after it.</param>
/// <param name="Note">The update's note, if it is an update.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.BreachEvent")]
public sealed record BreachEvent(
    [property: Id(0)] long EntryIndex,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset RecordedAt,
    [property: Id(3)] string Status,
    [property: Id(4)] string? Note);

/// <summary>An assessment as logged.</summary>
/// <param name="EntryIndex">Where the signed report is in the log.</param>
/// <param name="AssessedAt">When the broker made it.</param>
/// <param name="Assessment">The report.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Custody.LoggedAssessment")]
public sealed record LoggedAssessment(
    [property: Id(0)] long EntryIndex,
    [property: Id(1)] DateTimeOffset AssessedAt,
    [property: Id(2)] BreachAssessment Assessment);

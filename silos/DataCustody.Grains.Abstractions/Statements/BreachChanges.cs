namespace DataCustody.Grains.Statements;

/// <summary>
/// An update to a breach as the investigation goes on: the status it reached and what is known now. A
/// member left out keeps its earlier value.
/// </summary>
/// <param name="Status"><c>investigating</c>, <c>contained</c> or <c>closed</c>; never back to an earlier status.</param>
/// <param name="Note">What changed, in a sentence or two (1-2000 characters).</param>
/// <param name="EstimatedRecords">A new estimate of the records exposed (0-1,000,000,000).</param>
/// <param name="Cause">A better understanding of the cause (1-2000 characters).</param>
/// <param name="Measures">Measures taken since (1-2000 characters).</param>
/// <param name="SecondaryHarm">Harm that followed or may follow (1-2000 characters).</param>
/// <param name="ResponseToPeople">How the people affected are told and helped (1-2000 characters).</param>
/// <param name="Publication">Whether and where the breach is made public (1-2000 characters).</param>
/// <param name="Prevention">What will prevent a recurrence (1-2000 characters).</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.BreachChanges")]
public sealed record BreachChanges(
    [property: Id(0)] string Status,
    [property: Id(1)] string Note,
    [property: Id(2)] int? EstimatedRecords,
    [property: Id(3)] string? Cause,
    [property: Id(4)] string? Measures,
    [property: Id(5)] string? SecondaryHarm,
    [property: Id(6)] string? ResponseToPeople,
    [property: Id(7)] string? Publication,
    [property: Id(8)] string? Prevention);

namespace DataCustody.Grains.Statements;

/// <summary>What a holder's copies of one category depend on, as a <see cref="HoldingsHandedDown"/> hands it down.</summary>
/// <param name="Category">A fideslang data category key: the copies' category.</param>
/// <param name="Consents">Every consent the copies depend on (consent ids, as many as there are): they stay lawful while one is active.</param>
/// <param name="OwnBasis">Whether the copies stand on a basis of their own, lawful whatever consent ends.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.InheritedCategory")]
public sealed record InheritedCategory(
    [property: Id(0)] string Category,
    [property: Id(1)] EquatableArray<string> Consents,
    [property: Id(2)] bool OwnBasis);

namespace DataCustody.Grains.Statements;

/// <summary>
/// The impact of a breach in figures, counted in people (distinct handles at the breached holder) whose data
/// the holder held during the window. Lists hold at most <see cref="MaxListed"/> rows, largest first.
/// </summary>
/// <param name="People">People whose data of the categories involved the holder held in the window.</param>
/// <param name="SensitivePeople">Of those, people with at least one sensitive category (APPI special care or GDPR art. 9).</param>
/// <param name="DirectPeople">Of those, people the holder collected data from directly.</param>
/// <param name="ByCategory">People per data category.</param>
/// <param name="ByLevel">People per protection level the holder declared when it got the data (0: none declared).</param>
/// <param name="ByTerms">People per model-contract terms version the data came under.</param>
/// <param name="Upstream">Providers that had passed the data to the holder, with the terms, and for how many people.</param>
/// <param name="Downstream">Providers the holder had passed the data to before or during the window, and for how many people.</param>
/// <param name="Jurisdictions">Countries involved: where the holder, its sources and its recipients are registered, and where the holder stores data.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.BreachFigures")]
public sealed record BreachFigures(
    [property: Id(0)] int People,
    [property: Id(1)] int SensitivePeople,
    [property: Id(2)] int DirectPeople,
    [property: Id(3)] EquatableArray<CategoryCount> ByCategory,
    [property: Id(4)] EquatableArray<LevelCount> ByLevel,
    [property: Id(5)] EquatableArray<TermsCount> ByTerms,
    [property: Id(6)] EquatableArray<ProviderCount> Upstream,
    [property: Id(7)] EquatableArray<ProviderCount> Downstream,
    [property: Id(8)] EquatableArray<string> Jurisdictions)
{
    /// <summary>The most rows a list keeps, so the logged report stays a small entry.</summary>
    public const int MaxListed = 100;
}

/// <summary>People with data of one category.</summary>
/// <param name="Category">The fideslang data category key.</param>
/// <param name="Sensitive">Whether the category is sensitive (APPI special care or GDPR art. 9).</param>
/// <param name="People">How many people.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.CategoryCount")]
public sealed record CategoryCount([property: Id(0)] string Category, [property: Id(1)] bool Sensitive, [property: Id(2)] int People);

/// <summary>People whose data was held at one protection level.</summary>
/// <param name="Level">The level 1-4, or 0 when the holder had declared no profile.</param>
/// <param name="People">How many people.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.LevelCount")]
public sealed record LevelCount([property: Id(0)] int Level, [property: Id(1)] int People);

/// <summary>People whose data came under one terms version.</summary>
/// <param name="TermsSha256">The SHA-256 of the terms' text.</param>
/// <param name="People">How many people.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.TermsCount")]
public sealed record TermsCount([property: Id(0)] string TermsSha256, [property: Id(1)] int People);

/// <summary>People whose data went between the breached holder and one other provider, under one terms version.</summary>
/// <param name="Provider">The other provider.</param>
/// <param name="TermsSha256">The terms the hop named, if its sender reported it.</param>
/// <param name="People">How many people.</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.ProviderCount")]
public sealed record ProviderCount([property: Id(0)] string Provider, [property: Id(1)] string? TermsSha256, [property: Id(2)] int People);

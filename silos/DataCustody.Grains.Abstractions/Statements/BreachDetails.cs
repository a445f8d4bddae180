namespace DataCustody.Grains.Statements;

/// <summary>
/// What is known about a breach when it is filed: the members GDPR article 33(3) and an APPI report to the
/// Personal Information Protection Commission ask for (summary, data items, number of people, cause,
/// secondary harm, response to the people, publication, prevention).
/// </summary>
/// <param name="Summary">What happened, in a few sentences (1-2000 characters).</param>
/// <param name="WindowFrom">The start of the time the data was exposed.</param>
/// <param name="WindowUntil">The end of the time the data was exposed; not before <paramref name="WindowFrom"/>.</param>
/// <param name="Categories">fideslang data category keys (0-64) involved; empty means every category the holder held.</param>
/// <param name="Cause">Why it happened (1-2000 characters).</param>
/// <param name="DiscoveredAt">When the holder became aware of it; reporting deadlines count from here.</param>
/// <param name="DiscoveredHow">How it was found (1-1000 characters).</param>
/// <param name="Severity">The filer's own judgement: <c>low</c>, <c>medium</c>, <c>high</c> or <c>critical</c>.</param>
/// <param name="EstimatedRecords">How many records the filer believes were exposed (0-1,000,000,000).</param>
/// <param name="Measures">What was done to stop and contain it (1-2000 characters).</param>
/// <param name="Contact">Whom people and the regulator can ask (1-200 characters).</param>
/// <param name="WrongfulPurpose">Whether it was done with a wrongful purpose, such as an attack or theft (APPI: 不正の目的).</param>
/// <param name="FinancialLossRisk">Whether misuse of the data may cause financial loss, such as card or account numbers.</param>
/// <param name="SecondaryHarm">Harm that followed or may follow, if known (1-2000 characters).</param>
/// <param name="ResponseToPeople">How the people affected are told and helped, if decided (1-2000 characters).</param>
/// <param name="Publication">Whether and where the breach is made public, if decided (1-2000 characters).</param>
/// <param name="Prevention">What will prevent a recurrence, if decided (1-2000 characters).</param>
[GenerateSerializer, Immutable, Alias("DataCustody.Statements.BreachDetails")]
public sealed record BreachDetails(
    [property: Id(0)] string Summary,
    [property: Id(1)] DateTimeOffset WindowFrom,
    [property: Id(2)] DateTimeOffset WindowUntil,
    [property: Id(3)] EquatableArray<string> Categories,
    [property: Id(4)] string Cause,
    [property: Id(5)] DateTimeOffset DiscoveredAt,
    [property: Id(6)] string DiscoveredHow,
    [property: Id(7)] string Severity,
    [property: Id(8)] int EstimatedRecords,
    [property: Id(9)] string Measures,
    [property: Id(10)] string Contact,
    [property: Id(11)] bool WrongfulPurpose,
    [property: Id(12)] bool FinancialLossRisk,
    [property: Id(13)] string? SecondaryHarm,
    [property: Id(14)] string? ResponseToPeople,
    [property: Id(15)] string? Publication,
    [property: Id(16)] string? Prevention);

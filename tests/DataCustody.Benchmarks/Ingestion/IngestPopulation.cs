namespace DataCustody.Benchmarks.Ingestion;

/// <summary>The four provider systems and the people who gave each of them a consent, with the handle each knows them by.</summary>
internal sealed record IngestPopulation(IReadOnlyList<ProviderSystem> Providers, IReadOnlyList<IngestPopulation.Person> People)
{
    /// <param name="Username">The account the person signed in with.</param>
    /// <param name="Handles">Provider id to that provider's handle for the person.</param>
    public sealed record Person(string Username, IReadOnlyDictionary<string, string> Handles);
}

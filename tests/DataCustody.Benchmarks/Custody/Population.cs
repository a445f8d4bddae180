namespace DataCustody.Benchmarks.Custody;

/// <summary>The providers and people the measurements run over, as set up through the grains. Disposing drops the providers' keys.</summary>
internal sealed record Population(IReadOnlyList<BenchmarkProvider> Providers, IReadOnlyList<Population.Person> People) : IDisposable
{
    /// <summary>
    /// A person with consents at a few providers (each naming the others as the only allowed
    /// recipients), and the handle each of those providers knows them by.
    /// </summary>
    public sealed record Person(string PersonId, IReadOnlyList<BenchmarkProvider> Holders, IReadOnlyDictionary<string, string> Handles);

    public void Dispose()
    {
        foreach (var provider in Providers)
        {
            provider.Dispose();
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using DataCustody.Benchmarks.Custody;
using DataCustody.Benchmarks.Ledger;
using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;
using DataCustody.Sdk;
using DataCustody.Sdk.Models;
using DataCustody.Testing;

namespace DataCustody.Benchmarks.Ingestion;

/// <summary>
/// Sets everything up through the HTTP API, before anything is measured, the way the parties
/// would: the four demo provider clients register, add an Ed25519 key and declare a profile and
/// terms; every person signs in with the code + PKCE flow and grants each provider a consent
/// that lets it pass the data on to the other three; each provider then reports collecting the
/// name and email it was given. The consents cover everything the load reports, so nothing is flagged.
/// </summary>
internal static class IngestSetup
{
    // Sign-ins in flight: each costs the gateway a PBKDF2 check, so more only queue on two cores.
    private const int SignInConcurrency = 8;

    // Consent grants and collections in flight: enough to keep the ledger's group commit fed.
    private const int Concurrency = 32;

    public static async Task<IngestPopulation> RunAsync(
        GatewayProcess gateway, IReadOnlyList<string> generatedUsernames, LatencyHistogram batchLatency, StatementRequestTiming.Counter requests,
        TextWriter output, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        var providers = DemoTokens.ClientSecrets
            .Select(client => ProviderSystem.Create(gateway.BaseAddress, client.Key, client.Value, batchLatency, requests))
            .ToList();
        for (var i = 0; i < providers.Count; i++)
        {
            // Levels 1 to 4, so protection levels differ along hops.
            await providers[i].JoinAsync(1 + i, now, cancellationToken);
        }
        var joinSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        started = Stopwatch.GetTimestamp();
        var accounts = TestAccounts.Demo.Concat(generatedUsernames.Select(u => (Username: u, Password: TestAccounts.Password))).ToList();
        var tokens = new string[accounts.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, accounts.Count), new ParallelOptions { MaxDegreeOfParallelism = SignInConcurrency, CancellationToken = cancellationToken }, async (i, _) =>
            tokens[i] = (await DemoTokens.ForPersonAsync(gateway.BaseAddress, accounts[i].Username, accounts[i].Password)).AccessToken);
        var signInSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        started = Stopwatch.GetTimestamp();
        var people = new IngestPopulation.Person[accounts.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, accounts.Count), parallel, async (i, ct) =>
        {
            var person = providers[0].People.CreatePersonClient(tokens[i]);
            var handles = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var holder in providers)
            {
                var terms = ConsentTermsModel.From(ConsentTemplate.For(providers.Where(p => p != holder).Select(p => p.Id), now));
                var consent = await person.GrantConsentAsync(new ConsentGrant(holder.Id, terms), ct);
                handles[holder.Id] = consent.Handle;
            }
            people[i] = new IngestPopulation.Person(accounts[i].Username, handles);
        });
        var consentSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        // The load deletes the email and passes on the name: the log must show each provider holding them.
        started = Stopwatch.GetTimestamp();
        var collected = 0;
        await Task.WhenAll(providers.Select(async provider =>
        {
            var statements = people.Select(person => (ProviderStatement)new DataCollected(
                provider.NextId(), now, provider.Id, person.Handles[provider.Id], [ConsentTemplate.Name, ConsentTemplate.Email], [ConsentTemplate.Purpose], LegalBasis.Consent, null));
            var results = await provider.Client.SubmitBatchAsync(statements, cancellationToken);
            if (results.FirstOrDefault(r => r.Status != StatementStatus.Recorded || r.Violations is { Count: > 0 }) is { } bad)
            {
                throw new InvalidOperationException($"{provider.Id} could not report collecting: {bad.Status} {bad.Problem?.Detail} {bad.Violations?.FirstOrDefault()?.Code}");
            }
            Interlocked.Add(ref collected, results.Count);
        }));
        var collectSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  setup: {providers.Count} providers joined in {joinSeconds:0.0} s; {accounts.Count} people ({TestAccounts.Demo.Count} demo, {generatedUsernames.Count} test accounts) signed in with code + PKCE in {signInSeconds:0.0} s and granted {accounts.Count * providers.Count} consents in {consentSeconds:0.0} s; {collected} data.collected in {collectSeconds:0.0} s"));
        return new IngestPopulation(providers, people);
    }
}

using DataCustody.Grains.Custody;
using DataCustody.Grains.Statements;
using DataCustody.Grains.Taxonomy;

namespace DataCustody.Benchmarks.Custody;

/// <summary>
/// One person whose data took a thousand hops: collected by the first provider, then passed along
/// a chain that goes round all the providers again and again, with every fourth hop a fan-out from
/// the collector to another provider. Each hop is reported by both sides and allowed by a consent
/// that names every provider as a recipient, so nothing is flagged. The chain makes the custody
/// view's chains long: the latest copy at each holder traces back through hundreds of hops.
/// </summary>
internal static class WellTravelledPerson
{
    public const int Hops = 1_000;

    public const string PersonId = "well-travelled";

    /// <summary>Reports the thousand hops one after another, each checked to be recorded clean.</summary>
    public static async Task<ICitizenGrain> CreateAsync(IGrainFactory grains, Population population)
    {
        var now = DateTimeOffset.UtcNow;
        var providers = population.Providers;
        var person = grains.GetGrain<ICitizenGrain>(PersonId);
        var handles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var provider in providers)
        {
            var consent = await person.GrantConsent(provider.Id, ConsentTemplate.For(providers.Where(p => p != provider).Select(p => p.Id), now));
            handles[provider.Id] = consent.Handle;
        }
        string[] categories = [ConsentTemplate.Name, ConsentTemplate.Email];

        var collector = providers[0];
        await SubmitAsync(grains, collector, new DataCollected(
            collector.NextId(), now, collector.Id, handles[collector.Id], [.. categories], [ConsentTemplate.Purpose], LegalBasis.Consent, null));
        var chainEnd = 0;
        for (var hop = 0; hop < Hops; hop++)
        {
            int from, to;
            if (hop % 4 == 3)
            {
                (from, to) = (0, 1 + (hop / 4 % (providers.Count - 1)));
            }
            else
            {
                (from, to) = (chainEnd, (chainEnd + 1) % providers.Count);
                chainEnd = to;
            }
            var (sender, recipient) = (providers[from], providers[to]);
            var transfer = new DataTransferred(
                sender.NextId(), now, sender.Id, handles[sender.Id], recipient.Id, [.. categories], [ConsentTemplate.Purpose], LegalBasis.Consent, null, sender.TermsSha256);
            await SubmitAsync(grains, sender, transfer);
            await SubmitAsync(grains, recipient, new DataReceived(
                recipient.NextId(), now, recipient.Id, handles[recipient.Id], sender.Id, transfer.Id, [.. categories], $"from {sender.Id}, under its model contract"));
        }
        return person;
    }

    private static async Task SubmitAsync(IGrainFactory grains, BenchmarkProvider provider, ProviderStatement statement)
    {
        var outcome = (await grains.GetGrain<IProviderGrain>(provider.Id).Submit([provider.Sign(statement)]))[0];
        if (outcome.Result != StatementResult.Recorded || outcome.Violations.Count > 0)
        {
            throw new InvalidOperationException(
                $"Setting up {PersonId}'s hops: {statement.Type} {statement.Id} came back {outcome.Result} {outcome.Field} {outcome.Reason} {string.Join("; ", outcome.Violations.Select(v => v.Detail))}");
        }
    }
}

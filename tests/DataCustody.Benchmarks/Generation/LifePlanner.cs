namespace DataCustody.Benchmarks.Generation;

/// <summary>
/// Plans every person's data life before anything is submitted, from one seeded random source:
/// who collects what, the chains of hops that follow, and the deletions and revocations after.
/// </summary>
internal static class LifePlanner
{
    // Chains of 1 to 5 hops, short ones more common (mean about 2.2).
    private static readonly (int Length, double Weight)[] ChainLengthWeights = [(1, 40), (2, 25), (3, 15), (4, 12), (5, 8)];

    // A person's steps must fit in the timeline, one a day.
    private const int MaxHopsPerPerson = 60;

    private const double SenderOnlyShare = 0.05;
    private const double RecipientOnlyShare = 0.03;
    private const double UnconsentedShare = 0.05;
    private const double DeletionShare = 0.08;
    private const double RevocationShare = 0.12;

    /// <summary>Plans <paramref name="people"/> lives with <paramref name="hops"/> hops between them.</summary>
    public static IReadOnlyList<PersonPlan> Plan(int people, int hops, ProviderCatalog catalog, Random random)
    {
        var chains = AssignChains(people, hops, random);
        var plans = new PersonPlan[people];
        for (var i = 0; i < people; i++)
        {
            plans[i] = PlanPerson(i, chains[i], catalog, random);
        }
        return plans;
    }

    /// <summary>Chains of 1-5 hops handed to people at random until they add up to exactly <paramref name="hops"/>.</summary>
    private static List<int>[] AssignChains(int people, int hops, Random random)
    {
        var chains = new List<int>[people];
        var counts = new int[people];
        for (var i = 0; i < people; i++)
        {
            chains[i] = [];
        }
        var left = hops;
        while (left > 0)
        {
            var person = random.Next(people);
            var length = Math.Min(left, WeightedChoice.Pick(random, ChainLengthWeights));
            if (counts[person] + length > MaxHopsPerPerson)
            {
                if (counts.All(c => c + 1 > MaxHopsPerPerson))
                {
                    throw new ArgumentException($"--hops asks for more than {MaxHopsPerPerson} hops per person.");
                }
                continue;
            }
            chains[person].Add(length);
            counts[person] += length;
            left -= length;
        }
        return chains;
    }

    private static PersonPlan PlanPerson(int index, List<int> chains, ProviderCatalog catalog, Random random)
    {
        // Most people deal with one collector, some with two or three.
        var collectorCount = random.NextDouble() switch { < 0.75 => 1, < 0.95 => 2, _ => 3 };
        var collectors = new List<int>();
        while (collectors.Count < collectorCount)
        {
            var collector = catalog.Collectors.Pick(random);
            if (!collectors.Contains(collector))
            {
                collectors.Add(collector);
            }
        }

        var collected = new Dictionary<int, (string[] Categories, string[] Purposes)>();
        var held = new Dictionary<int, HashSet<string>>();
        foreach (var collector in collectors)
        {
            var sector = catalog.Sectors[collector];
            var categories = Subset(random, sector.Categories, 1 + random.Next(3));
            collected[collector] = (categories, [.. sector.Purposes]);
            held[collector] = [.. categories];
        }

        var hops = new List<(int Sender, int Recipient, string[] Categories, string[] Purposes, HopReport Report, bool UnderConsent, bool Unconsented)>();
        foreach (var length in chains)
        {
            var sender = collectors[random.Next(collectors.Count)];
            var purposes = new[] { collected[sender].Purposes[0] };
            for (var i = 0; i < length; i++)
            {
                var recipient = catalog.Recipients.PickOther(random, sender);
                var underConsent = collected.ContainsKey(sender);
                // A collector passes on only what its consent covers; anyone else passes on what it holds.
                var available = underConsent ? collected[sender].Categories : [.. held[sender].Order(StringComparer.Ordinal)];
                var categories = Subset(random, available, 1 + random.Next(2));
                var report = random.NextDouble() switch
                {
                    < SenderOnlyShare => HopReport.SenderOnly,
                    < SenderOnlyShare + RecipientOnlyShare => HopReport.RecipientOnly,
                    _ => HopReport.Both,
                };
                var unconsented = underConsent && report != HopReport.RecipientOnly && random.NextDouble() < UnconsentedShare;
                hops.Add((sender, recipient, categories, underConsent ? [collected[sender].Purposes[0]] : purposes, report, underConsent, unconsented));
                (held.TryGetValue(recipient, out var set) ? set : held[recipient] = []).UnionWith(categories);
                sender = recipient;
            }
        }

        // A consent names the recipients of its collector's consented hops; a hop meant to be
        // unconsented whose recipient the consent names after all is consented.
        var consented = collectors.ToDictionary(c => c, c => hops
            .Where(h => h.Sender == c && h.UnderConsent && !h.Unconsented && h.Report != HopReport.RecipientOnly)
            .Select(h => h.Recipient).Distinct().Order().ToList());
        var collections = collectors.Select(c => new Collection(c, collected[c].Categories, collected[c].Purposes, consented[c])).ToList();
        var later = new List<Func<int, PersonStep>>();
        foreach (var hop in hops)
        {
            var unconsented = hop.Unconsented && !consented[hop.Sender].Contains(hop.Recipient);
            later.Add(day => new HopStep(day, hop.Sender, hop.Recipient, hop.Categories, hop.Purposes, hop.Report, hop.UnderConsent, unconsented));
        }
        if (random.NextDouble() < DeletionShare)
        {
            var holder = held.Keys.Order().ElementAt(random.Next(held.Count));
            var category = held[holder].Order(StringComparer.Ordinal).ElementAt(random.Next(held[holder].Count));
            later.Add(day => new DeleteStep(day, holder, [category]));
        }
        var revoked = random.NextDouble() < RevocationShare ? collectors[random.Next(collectors.Count)] : (int?)null;
        if (revoked is { } collectorRevoked)
        {
            later.Add(day => new RevokeStep(day, collectorRevoked));
        }

        var steps = Schedule(collections, later, random);
        if (revoked is not null)
        {
            // Holders answer within days, some after the deadline (30 days, 14 under newer terms); answers past the timeline never come.
            var answerDay = steps[^1].Day + 1 + random.Next(40);
            if (answerDay < Timeline.Days)
            {
                steps.Add(new AnswerStep(answerDay, random.Next()));
            }
        }
        return new PersonPlan(index, steps);
    }

    /// <summary>Spreads the steps over the timeline: a join day in its first two thirds, then one step every few days.</summary>
    private static List<PersonStep> Schedule(List<Collection> collections, List<Func<int, PersonStep>> later, Random random)
    {
        var latestJoin = Math.Max(1, Math.Min(Timeline.Days * 2 / 3, Timeline.Days - later.Count));
        var day = random.Next(latestJoin);
        var steps = new List<PersonStep>(later.Count + 2) { new JoinStep(day, collections) };
        var widestGap = Math.Clamp((Timeline.Days - 1 - day) / Math.Max(1, later.Count), 1, 10);
        for (var i = 0; i < later.Count; i++)
        {
            day = Math.Min(day + 1 + random.Next(widestGap), Timeline.Days - (later.Count - i));
            steps.Add(later[i](day));
        }
        return steps;
    }

    private static string[] Subset(Random random, IReadOnlyList<string> from, int count)
    {
        var shuffled = from.ToArray();
        random.Shuffle(shuffled);
        return [.. shuffled.Take(Math.Min(count, shuffled.Length)).Order(StringComparer.Ordinal)];
    }
}

using DataCustody.Grains.Custody;

namespace DataCustody.Benchmarks.Custody;

/// <summary>
/// "Is this transfer allowed" asked as the gateway asks it, on a <see cref="TransferCheckSchedule"/>.
/// The checks go round a list of random pairs of a provider and a person with a consent there,
/// half of them allowed and half denied.
/// </summary>
internal sealed class TransferCheckLoad
{
    public const int ChecksPerSecond = 10_000;

    /// <summary>Run at the full rate before measuring, so that nothing is measured cold.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    private const int DistinctChecks = 100_000;

    private readonly TransferChecks _service;
    private readonly Check[] _checks;

    private TransferCheckLoad(TransferChecks service, Check[] checks) => (_service, _checks) = (service, checks);

    public static TransferCheckLoad Create(TransferChecks service, Population population, int seed)
    {
        var random = new Random(seed);
        var checks = new Check[DistinctChecks];
        for (var i = 0; i < checks.Length; i++)
        {
            var person = population.People[random.Next(population.People.Count)];
            var sender = person.Holders[random.Next(person.Holders.Count)];
            var others = person.Holders.Where(h => h != sender).ToList();
            var named = others[random.Next(others.Count)].Id;
            var (recipient, categories, allowed) = random.Next(4) switch
            {
                0 => (named, new[] { ConsentTemplate.Name }, true),
                1 => (named, new[] { ConsentTemplate.Name, ConsentTemplate.Email }, true),
                // A provider the consent does not name.
                2 => (population.Providers.Where(p => !person.Holders.Contains(p)).ElementAt(random.Next(population.Providers.Count - person.Holders.Count)).Id, new[] { ConsentTemplate.Name }, false),
                // Data the consent does not cover.
                _ => (named, new[] { ConsentTemplate.Financial }, false),
            };
            var question = new TransferQuestion(sender.Id, person.Handles[sender.Id], recipient, categories, [ConsentTemplate.Purpose], sender.TermsSha256);
            checks[i] = new Check(question, allowed);
        }
        return new TransferCheckLoad(service, checks);
    }

    /// <summary>Runs the warm-up and then <paramref name="duration"/> at the fixed rate; returns once every check answered.</summary>
    public Task<TransferCheckSchedule.Result> RunAsync(TimeSpan duration) =>
        new TransferCheckSchedule(ChecksPerSecond, WarmUp).RunAsync(duration, async i =>
        {
            var check = _checks[i % _checks.Length];
            return new TransferCheckSchedule.Answer((await _service.CheckAsync(check.Question)).Allowed, check.Allowed);
        });

    private sealed record Check(TransferQuestion Question, bool Allowed);
}

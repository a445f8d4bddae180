using DataCustody.Storage.Custody;
using Microsoft.Extensions.Options;

namespace DataCustody.Grains.Custody;

/// <summary>
/// Finds deadlines that passed in the database and has each person's grain log them. Deadlines
/// live in the projections, not in memory, so a restart loses none: the first sweep after it
/// catches up.
/// </summary>
internal sealed class DeadlineSweeperGrain(
    CustodyQueries queries,
    HandleOwners owners,
    BrokerClock clock,
    IOptions<CustodyOptions> options) : Grain, IDeadlineSweeperGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.SweepInterval;
        this.RegisterGrainTimer(_ => Sweep(), new GrainTimerCreationOptions(interval, interval) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public async Task<int> Sweep()
    {
        var now = clock.Now.ToUnixTimeMilliseconds();
        var batch = options.Value.SweepBatch;
        var logged = 0;
        foreach (var obligation in await queries.PastDeadlineAsync(now, batch))
        {
            if (await PersonOf(obligation.Handle) is { } person && await person.MarkOverdue(obligation.ObligationId))
            {
                logged++;
            }
        }
        foreach (var consent in await queries.ExpiredAsync(now, batch))
        {
            if (await PersonOf(consent.Handle) is { } person && await person.Expire(consent.ConsentId))
            {
                logged++;
            }
        }
        return logged;
    }

    // A forgotten person's handles lead nowhere; their deadlines stay in the log as they were.
    private async Task<ICitizenGrain?> PersonOf(string handle) =>
        await owners.OwnerAsync(handle) is { } owner ? GrainFactory.GetGrain<ICitizenGrain>(owner.PersonId) : null;
}

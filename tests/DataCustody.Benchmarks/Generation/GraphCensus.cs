using Dapper;
using DataCustody.Grains.Ledger;
using DataCustody.Storage;

namespace DataCustody.Benchmarks.Generation;

/// <summary>
/// The generated graph as the broker's tables hold it, counted in the database after the run, so
/// that the summary reports what a gateway will see rather than what the generator meant to write.
/// </summary>
internal sealed record GraphCensus(
    long People,
    long Providers,
    long Entries,
    long Hops,
    long HopsConfirmed,
    long HopsSenderOnly,
    long HopsRecipientOnly,
    long Holdings,
    long HoldingsReleased,
    long HoldingsCollected,
    IReadOnlyList<(string Code, long Count)> Violations,
    IReadOnlyList<(string Status, long Count)> Obligations,
    string LargestHolder,
    long LargestHolderHoldings,
    long LargestHolderPeople,
    DateTimeOffset FirstAcquired,
    DateTimeOffset LastAcquired)
{
    public long HoldingsCurrent => Holdings - HoldingsReleased;

    /// <summary>Holdings that came with a hop (the rest were collected from the person).</summary>
    public long HoldingsViaHops => Holdings - HoldingsCollected;

    public static async Task<GraphCensus> TakeAsync(Database database, IGrainFactory grains, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        Task<long> Count(string sql) => connection.ExecuteScalarAsync<long>(sql);

        var people = await Count("SELECT COUNT(*) FROM people");
        var providers = await Count("SELECT COUNT(*) FROM providers");
        var hops = await Count("SELECT COUNT(*) FROM hops");
        var confirmed = await Count("SELECT COUNT(*) FROM hops WHERE transfer_index IS NOT NULL AND received_index IS NOT NULL");
        var senderOnly = await Count("SELECT COUNT(*) FROM hops WHERE received_index IS NULL");
        var recipientOnly = await Count("SELECT COUNT(*) FROM hops WHERE transfer_index IS NULL");
        var holdings = await Count("SELECT COUNT(*) FROM holdings");
        var released = await Count("SELECT COUNT(*) FROM holdings WHERE released_index IS NOT NULL");
        var collected = await Count("SELECT COUNT(*) FROM holdings WHERE via_hop IS NULL");
        var violations = (await connection.QueryAsync<(string, long)>("SELECT code, COUNT(*) FROM violations GROUP BY code ORDER BY code")).ToList();
        var obligations = (await connection.QueryAsync<(string, long)>("SELECT status, COUNT(*) FROM obligations GROUP BY status ORDER BY status")).ToList();
        var largest = await connection.QuerySingleAsync<(string, long)>(
            "SELECT holder, COUNT(*) AS n FROM holdings GROUP BY holder ORDER BY n DESC, holder LIMIT 1");
        var largestPeople = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(DISTINCT handle) FROM holdings WHERE holder = @holder", new { holder = largest.Item1 });
        var (first, last) = await connection.QuerySingleAsync<(long, long)>("SELECT MIN(acquired_at_ms), MAX(acquired_at_ms) FROM holdings");
        var entries = (await grains.GetGrain<ILedgerGrain>(LedgerKey.Id).GetStatus()).Size;

        return new GraphCensus(
            people, providers, entries, hops, confirmed, senderOnly, recipientOnly, holdings, released, collected, violations, obligations,
            largest.Item1, largest.Item2, largestPeople, DateTimeOffset.FromUnixTimeMilliseconds(first), DateTimeOffset.FromUnixTimeMilliseconds(last));
    }
}

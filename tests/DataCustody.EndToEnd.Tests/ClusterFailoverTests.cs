using System.Globalization;
using Dapper;
using DataCustody.Grains.Ledger;
using DataCustody.Silo;
using DataCustody.Storage;
using DataCustody.Storage.Dialects;
using DataCustody.Storage.Ledger;
using DataCustody.Testing;
using DataCustody.Transparency.Checkpoints;
using DataCustody.Transparency.Codecs;
using DataCustody.Transparency.Merkle;
using DataCustody.Transparency.Notes;
using Orleans.Configuration;

namespace DataCustody.EndToEnd.Tests;

/// <summary>
/// Two silo processes on a throwaway PostgreSQL server and a client: the silo hosting the ledger
/// is killed while appends run; the ledger comes back on the other silo, nothing acknowledged
/// is lost, and every checkpoint ever signed is consistent with every earlier one.
/// </summary>
public sealed class ClusterFailoverTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Origin = "cluster.datacustody.test/log";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Killing_the_ledger_silo_moves_the_ledger_without_losing_an_acknowledged_entry()
    {
        await using var postgres = await ThrowawayPostgres.StartAsync(durable: true);
        var connectionString = await postgres.CreateDatabaseAsync("cluster");
        using var signer = NoteSignerKey.Generate(Origin);
        var statementKey = StrictBase64.EncodeUrl(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var folder = Directory.CreateTempSubdirectory("datacustody-cluster-");
        var silos = new Dictionary<int, ChildProcess>();
        try
        {
            foreach (var _ in Enumerable.Range(0, 2))
            {
                var (siloPort, silo) = await StartSiloAsync(connectionString, signer, statementKey, folder.FullName);
                silos[siloPort] = silo;
            }

            // A gateway in client mode serves the cluster's log over HTTP throughout.
            await using var gateway = await GatewayProcess.StartAsync(new Dictionary<string, string>
            {
                ["Gateway__Mode"] = "client",
                ["Storage__Provider"] = "postgres",
                ["Storage__ConnectionString"] = connectionString,
                ["Clustering__Provider"] = "postgres",
            });
            var database = new Database(new PostgresDialect(), connectionString);
            var entries = new AcknowledgedEntries();
            await using (var client = await LedgerClient.ConnectAsync(c =>
            {
                c.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("datacustody", "datacustody"));
                c.UsePostgresGateways(database);
            }))
            {
                using var stop = new CancellationTokenSource();
                var writers = entries.RunAsync(() => client.Ledger, writers: 8, leavesPerAppend: 8, stop.Token);

                await Eventually.UntilAsync(() => Task.FromResult(entries.Count), n => n >= 2000, Patience, "2000 acknowledged entries");
                var before = await client.Ledger.GetStatus();
                var hostPort = SiloPort(before.Silo);
                output.WriteLine($"killing the ledger's silo {before.Silo} at {entries.Count} acknowledged entries");
                await silos[hostPort].KillAsync();
                var countAtKill = entries.Count;

                await Eventually.UntilAsync(() => Task.FromResult(entries.Count), n => n >= countAtKill + 2000, Patience, "appends resuming on the surviving silo");
                var after = await client.Ledger.GetStatus();
                Assert.NotEqual(hostPort, SiloPort(after.Silo));
                output.WriteLine($"ledger moved to {after.Silo}; {entries.Failures} appends failed during the move");

                await stop.CancelAsync();
                await writers;
            }

            var (served, _) = await Eventually.UntilAsync(
                () => gateway.GetCheckpointAsync(signer.Verifier),
                c => (long)c.Checkpoint.Size > entries.LeafHashByIndex.Keys.Max(),
                Patience,
                "the gateway serving a checkpoint that covers every acknowledged entry");
            Assert.Equal(Origin, served.Origin);

            await VerifyLogAsync(database, entries, signer.Verifier);
        }
        finally
        {
            foreach (var silo in silos.Values)
            {
                await silo.DisposeAsync();
            }
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Reads the whole log back from the database: no gaps, every acknowledged entry in place, and
    /// every stored checkpoint signed by the log key over the root of exactly its prefix of the
    /// log, which makes each consistent with every earlier one; consistency proofs from the
    /// store confirm it pairwise.
    /// </summary>
    private static async Task VerifyLogAsync(Database database, AcknowledgedEntries entries, NoteVerifierKey key)
    {
        await using var writer = new WriterConnection(database);
        var store = new LedgerStore(database, [], writer);
        var size = await store.ReadSizeAsync();
        var leafHashes = new List<byte[]>((int)size);
        for (long from = 0; from < size; from += 10_000)
        {
            var batch = await store.ReadEntriesAsync(from, 10_000);
            Assert.Equal(Enumerable.Range(0, batch.Count).Select(i => from + i), batch.Select(e => e.Index));
            leafHashes.AddRange(batch.Select(e => e.LeafHash));
        }
        Assert.Equal(size, leafHashes.Count);
        Assert.All(entries.LeafHashByIndex, entry => Assert.Equal(entry.Value, leafHashes[(int)entry.Key]));

        await using var connection = await database.OpenAsync();
        var notes = (await connection.QueryAsync<string>("SELECT note FROM ledger_checkpoints ORDER BY size")).ToList();
        var checkpoints = notes.Select(note => Checkpoint.OpenSigned(note, key)).ToList();
        Assert.True(checkpoints.Count >= 3, $"only {checkpoints.Count} checkpoints were signed");

        var range = new CompactRange();
        foreach (var checkpoint in checkpoints)
        {
            while (range.Size < checkpoint.Size)
            {
                range.Append(leafHashes[(int)range.Size]);
            }
            Assert.Equal(range.Root(), checkpoint.RootHash.ToArray());
        }
        foreach (var (earlier, later) in checkpoints.Zip(checkpoints.Skip(1)))
        {
            var proof = await ProofPlan.Consistency(earlier.Size, later.Size).ReadAsync(store);
            MerkleProof.VerifyConsistency(earlier.Size, later.Size, proof, earlier.RootHash.Span, later.RootHash.Span);
        }
    }

    /// <summary>Starts a silo on free ports; returns its silo port with it.</summary>
    private static Task<(int SiloPort, ChildProcess Silo)> StartSiloAsync(string connectionString, NoteSignerKey signer, string statementKey, string folder) =>
        FreePort.RetryWhileTakenAsync(async () =>
        {
            var siloPort = FreePort.Next();
            return (siloPort, await StartSiloAsync(siloPort, connectionString, signer, statementKey, folder));
        });

    private static async Task<ChildProcess> StartSiloAsync(int siloPort, string connectionString, NoteSignerKey signer, string statementKey, string folder)
    {
        var environment = new Dictionary<string, string>
        {
            ["DataFolder"] = Path.Combine(folder, siloPort.ToString(CultureInfo.InvariantCulture)),
            ["Storage__Provider"] = "postgres",
            ["Storage__ConnectionString"] = connectionString,
            ["Clustering__Provider"] = "postgres",
            ["Clustering__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Clustering__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            // Notice the killed silo within seconds rather than the production default.
            ["Clustering__Membership__ProbeTimeout"] = "00:00:01",
            ["Clustering__Membership__NumMissedProbesLimit"] = "2",
            ["Clustering__Membership__NumVotesForDeathDeclaration"] = "1",
            ["Clustering__Membership__TableRefreshTimeout"] = "00:00:02",
            ["Log__Origin"] = Origin,
            ["Log__SigningKey"] = signer.ToSecretString(),
            ["Log__StatementKey"] = statementKey,
        };
        var silo = ChildProcess.Start(ChildProcess.RepositoryAssembly("silos/DataCustody.Silo", "DataCustody.Silo"), environment, folder);
        try
        {
            await silo.WaitForOutputAsync("Log verifier key:", TimeSpan.FromSeconds(60));
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    /// <summary>The silo port in an Orleans silo identity such as <c>S127.0.0.1:11111:123456</c>.</summary>
    private static int SiloPort(string siloIdentity) =>
        int.Parse(siloIdentity.Split(':')[1], CultureInfo.InvariantCulture);
}

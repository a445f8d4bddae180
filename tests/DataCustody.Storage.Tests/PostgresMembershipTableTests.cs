using System.Diagnostics;
using System.Net;
using DataCustody.Silo;
using DataCustody.Storage.Clustering;
using DataCustody.Storage.Dialects;
using DataCustody.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;

namespace DataCustody.Storage.Tests;

public sealed class PostgresMembershipTableTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private const string ClusterId = "cluster-a";

    // Whole seconds: timestamptz keeps microseconds, .NET ticks are finer.
    private static readonly DateTime T0 = new(2026, 5, 20, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task An_insert_on_the_current_version_adds_the_member_and_moves_the_version()
    {
        var table = await NewTableAsync();
        var before = (await table.ReadAllAsync()).Version;
        var entry = Entry(11111, SiloStatus.Joining);

        Assert.True(await table.InsertRowAsync(entry, before.Next()));

        var after = await table.ReadAllAsync();
        Assert.Equal(0, before.Version);
        Assert.Equal(1, after.Version.Version);
        Assert.NotEqual(before.VersionEtag, after.Version.VersionEtag);
        AssertSameEntry(entry, Assert.Single(after.Members).Item1);
    }

    public static TheoryData<string> InsertConflicts => ["stale table etag", "silo already present", "etag never issued"];

    [Theory]
    [MemberData(nameof(InsertConflicts))]
    public async Task An_insert_that_conflicts_returns_false_and_writes_nothing(string conflict)
    {
        var table = await NewTableAsync();
        var initial = (await table.ReadAllAsync()).Version;
        var present = Entry(11111, SiloStatus.Active);
        Assert.True(await table.InsertRowAsync(present, initial.Next()));
        var before = await table.ReadAllAsync();

        var inserted = conflict switch
        {
            "stale table etag" => await table.InsertRowAsync(Entry(22222, SiloStatus.Joining), initial.Next()),
            "silo already present" => await table.InsertRowAsync(Entry(11111, SiloStatus.Joining), before.Version.Next()),
            "etag never issued" => await table.InsertRowAsync(Entry(22222, SiloStatus.Joining), new TableVersion(before.Version.Version + 1, "not-an-etag")),
            _ => throw new ArgumentOutOfRangeException(nameof(conflict)),
        };

        Assert.False(inserted);
        var after = await table.ReadAllAsync();
        Assert.Equal(before.Version, after.Version);
        var only = Assert.Single(after.Members);
        AssertSameEntry(present, only.Item1);
        Assert.Equal(before.Members[0].Item2, only.Item2);
    }

    [Fact]
    public async Task An_update_on_the_current_etags_replaces_the_member_and_moves_both_etags()
    {
        var table = await NewTableAsync();
        var entry = Entry(11111, SiloStatus.Joining);
        await InsertAsync(table, entry);
        var before = await table.ReadAllAsync();

        var updated = Entry(11111, SiloStatus.Active, alive: T0.AddMinutes(1));
        updated.AddSuspector(Silo(22222), T0.AddSeconds(30));
        updated.AddSuspector(Silo(33333), T0.AddSeconds(40).AddTicks(1234567));
        Assert.True(await table.UpdateRowAsync(updated, before.Members[0].Item2, before.Version.Next()));

        var after = await table.ReadAllAsync();
        var (member, etag) = Assert.Single(after.Members);
        AssertSameEntry(updated, member);
        Assert.NotEqual(before.Members[0].Item2, etag);
        Assert.Equal(before.Version.Version + 1, after.Version.Version);
        Assert.NotEqual(before.Version.VersionEtag, after.Version.VersionEtag);
    }

    [Fact]
    public async Task An_update_never_moves_the_heartbeat_back()
    {
        var table = await NewTableAsync();
        await InsertAsync(table, Entry(11111, SiloStatus.Active));
        await table.UpdateIAmAliveAsync(new MembershipEntry { SiloAddress = Silo(11111), IAmAliveTime = T0.AddMinutes(5) });
        var before = await table.ReadAllAsync();

        // Another silo's vote carries the heartbeat it last read.
        var vote = Entry(11111, SiloStatus.Active, alive: T0);
        vote.AddSuspector(Silo(22222), T0.AddMinutes(6));
        Assert.True(await table.UpdateRowAsync(vote, before.Members[0].Item2, before.Version.Next()));

        var member = Assert.Single((await table.ReadAllAsync()).Members).Item1;
        Assert.Equal(T0.AddMinutes(5), member.IAmAliveTime);
        Assert.NotNull(member.SuspectTimes);
        Assert.Single(member.SuspectTimes);
    }

    public static TheoryData<string> UpdateConflicts => ["stale row etag", "stale table etag", "silo not present", "etag never issued"];

    [Theory]
    [MemberData(nameof(UpdateConflicts))]
    public async Task An_update_that_conflicts_returns_false_and_writes_nothing(string conflict)
    {
        var table = await NewTableAsync();
        await InsertAsync(table, Entry(11111, SiloStatus.Joining));
        var first = await table.ReadAllAsync();
        var active = Entry(11111, SiloStatus.Active);
        Assert.True(await table.UpdateRowAsync(active, first.Members[0].Item2, first.Version.Next()));
        var before = await table.ReadAllAsync();
        var currentRowEtag = before.Members[0].Item2;

        var dead = Entry(11111, SiloStatus.Dead);
        var updated = conflict switch
        {
            "stale row etag" => await table.UpdateRowAsync(dead, first.Members[0].Item2, before.Version.Next()),
            "stale table etag" => await table.UpdateRowAsync(dead, currentRowEtag, first.Version.Next()),
            "silo not present" => await table.UpdateRowAsync(Entry(22222, SiloStatus.Dead), currentRowEtag, before.Version.Next()),
            "etag never issued" => await table.UpdateRowAsync(dead, "not-an-etag", before.Version.Next()),
            _ => throw new ArgumentOutOfRangeException(nameof(conflict)),
        };

        Assert.False(updated);
        var after = await table.ReadAllAsync();
        Assert.Equal(before.Version, after.Version);
        var (member, etag) = Assert.Single(after.Members);
        AssertSameEntry(active, member);
        Assert.Equal(currentRowEtag, etag);
    }

    [Fact]
    public async Task A_heartbeat_changes_only_the_heartbeat_time()
    {
        var table = await NewTableAsync();
        var entry = Entry(11111, SiloStatus.Active, proxyPort: 30000);
        entry.AddSuspector(Silo(22222), T0.AddSeconds(10));
        await InsertAsync(table, entry);
        var before = await table.ReadAllAsync();

        // Orleans sends only the address and the time.
        await table.UpdateIAmAliveAsync(new MembershipEntry { SiloAddress = Silo(11111), IAmAliveTime = T0.AddMinutes(3) });

        var after = await table.ReadAllAsync();
        var (member, etag) = Assert.Single(after.Members);
        entry.IAmAliveTime = T0.AddMinutes(3);
        AssertSameEntry(entry, member);
        Assert.Equal(before.Members[0].Item2, etag);
        Assert.Equal(before.Version, after.Version);
        // So an update based on the read before the heartbeat still succeeds.
        Assert.True(await table.UpdateRowAsync(Entry(11111, SiloStatus.ShuttingDown), etag, after.Version.Next()));
    }

    [Fact]
    public async Task Reads_return_the_members_with_their_etags_and_the_version()
    {
        var table = await NewTableAsync();
        var entries = new[] { Entry(11111, SiloStatus.Active), Entry(22222, SiloStatus.Joining), Entry(33333, SiloStatus.Dead) };
        entries[2].AddSuspector(Silo(11111), T0.AddSeconds(5));
        foreach (var entry in entries)
        {
            await InsertAsync(table, entry);
        }

        var all = await table.ReadAllAsync();
        var one = await table.ReadRowAsync(Silo(22222));
        var none = await table.ReadRowAsync(Silo(44444));

        Assert.Equal(3, all.Version.Version);
        Assert.Equal(3, all.Members.Count);
        Assert.Equal(3, all.Members.Select(m => m.Item2).Distinct().Count());
        foreach (var entry in entries)
        {
            AssertSameEntry(entry, Find(all, entry.SiloAddress).Item1);
        }
        Assert.Equal(all.Version, one.Version);
        var (member, etag) = Assert.Single(one.Members);
        AssertSameEntry(entries[1], member);
        Assert.Equal(Find(all, Silo(22222)).Item2, etag);
        Assert.Equal(all.Version, none.Version);
        Assert.Empty(none.Members);
    }

    [Fact]
    public async Task Concurrent_inserts_on_one_version_let_exactly_one_win()
    {
        var table = await NewTableAsync();
        var version = (await table.ReadAllAsync()).Version.Next();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => table.InsertRowAsync(Entry(20000 + i, SiloStatus.Joining), version)));

        Assert.Single(results, inserted => inserted);
        var after = await table.ReadAllAsync();
        Assert.Single(after.Members);
        Assert.Equal(1, after.Version.Version);
    }

    [Fact]
    public async Task Cleanup_removes_only_dead_members_last_heard_of_before_the_date()
    {
        var table = await NewTableAsync();
        var longAgo = T0.AddHours(-2);
        var recentVote = Entry(22222, SiloStatus.Dead, alive: longAgo);
        recentVote.AddSuspector(Silo(11111), T0.AddMinutes(1));
        var cases = new (MembershipEntry Entry, bool Kept)[]
        {
            (Entry(11111, SiloStatus.Dead, alive: longAgo), false),
            (recentVote, true),
            (Entry(33333, SiloStatus.Dead, alive: T0.AddMinutes(1)), true),
            (Entry(44444, SiloStatus.Active, alive: longAgo), true),
            (Entry(55555, SiloStatus.ShuttingDown, alive: longAgo), true),
        };
        foreach (var (entry, _) in cases)
        {
            entry.StartTime = longAgo;
            await InsertAsync(table, entry);
        }

        await table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(T0));

        var remaining = (await table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress).ToHashSet();
        foreach (var (entry, kept) in cases)
        {
            Assert.True(kept == remaining.Contains(entry.SiloAddress), $"{entry.SiloAddress} ({entry.Status}) kept: expected {kept}");
        }
    }

    [Fact]
    public async Task Deleting_a_cluster_removes_its_members_and_version_and_nothing_else()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        var doomed = Table(database, ClusterId);
        var other = Table(database, "cluster-b");
        await doomed.InitializeMembershipTableAsync(tryInitTableVersion: true);
        await other.InitializeMembershipTableAsync(tryInitTableVersion: true);
        await InsertAsync(doomed, Entry(11111, SiloStatus.Active));
        await InsertAsync(other, Entry(11111, SiloStatus.Active));
        var doomedVersion = (await doomed.ReadAllAsync()).Version;
        var otherBefore = await other.ReadAllAsync();

        await doomed.DeleteMembershipTableEntriesAsync(ClusterId);

        var gone = await doomed.ReadAllAsync();
        Assert.Empty(gone.Members);
        Assert.Equal(0, gone.Version.Version);
        Assert.False(await doomed.InsertRowAsync(Entry(22222, SiloStatus.Joining), doomedVersion.Next()));
        var otherAfter = await other.ReadAllAsync();
        Assert.Equal(otherBefore.Version, otherAfter.Version);
        Assert.Single(otherAfter.Members);

        // The cluster can start again from scratch.
        await doomed.InitializeMembershipTableAsync(tryInitTableVersion: true);
        await InsertAsync(doomed, Entry(22222, SiloStatus.Joining));
        Assert.Equal(1, (await doomed.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task The_gateways_are_the_active_members_with_a_gateway_port()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        var table = Table(database, ClusterId);
        var other = Table(database, "cluster-b");
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        await other.InitializeMembershipTableAsync(tryInitTableVersion: true);
        await InsertAsync(table, Entry(11111, SiloStatus.Active, proxyPort: 30001));
        await InsertAsync(table, Entry(11112, SiloStatus.Active, proxyPort: 0));
        await InsertAsync(table, Entry(11113, SiloStatus.Joining, proxyPort: 30003));
        await InsertAsync(table, Entry(11114, SiloStatus.Dead, proxyPort: 30004));
        await InsertAsync(other, Entry(11115, SiloStatus.Active, proxyPort: 30005));
        var provider = new PostgresGatewayListProvider(
            database,
            Options.Create(new ClusterOptions { ClusterId = ClusterId }),
            Options.Create(new GatewayOptions()));

        var gateways = await provider.GetGatewaysAsync(CancellationToken.None);

        Assert.Equal([SiloAddress.New(IPAddress.Loopback, 30001, 7).ToGatewayUri()], gateways);
    }

    [Fact]
    public async Task Initializing_an_unmigrated_database_says_to_migrate_it()
    {
        var database = new Database(new PostgresDialect(), await postgres.Server.CreateDatabaseAsync($"bare_{Guid.NewGuid():N}"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Table(database, ClusterId).InitializeMembershipTableAsync(tryInitTableVersion: true));

        Assert.Contains("SchemaMigrator.MigrateAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_silos_form_a_cluster_through_the_table_and_a_client_finds_them_through_it()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        var table = Table(database, ClusterId);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        // Stopped last to first: the client, then the silos in reverse order of start.
        var running = new Stack<IHost>();
        try
        {
            foreach (var name in new[] { "silo-a", "silo-b" })
            {
                // A silo that failed to bind its port has not joined the table yet: another try leaves no trace there.
                running.Push(await FreePort.StartWhileTakenAsync(() => BuildSilo(database, name, FreePort.Next(), FreePort.Next()), timeout.Token));
            }
            await WaitUntilAsync(
                async () => (await table.ReadAllAsync()).Members.Count(m => m.Item1.Status == SiloStatus.Active) == 2,
                "both silos are Active in the table",
                timeout.Token);

            running.Push(BuildClient(database));
            await running.Peek().StartAsync(timeout.Token);
            var management = running.Peek().Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
            await WaitUntilAsync(
                async () => (await management.GetHosts(onlyActive: true)).Count == 2,
                "the cluster reports two active hosts to the client",
                timeout.Token);

            await StopAllAsync(running);
            // A silo that shuts down gracefully records its own death.
            var statuses = (await table.ReadAllAsync()).Members.Select(m => m.Item1.Status).ToList();
            Assert.Equal([SiloStatus.Dead, SiloStatus.Dead], statuses);
        }
        finally
        {
            await StopAllAsync(running);
        }
    }

    private static async Task StopAllAsync(Stack<IHost> running)
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (running.TryPop(out var host))
        {
            try
            {
                await host.StopAsync(stopping.Token);
            }
            finally
            {
                host.Dispose();
            }
        }
    }

    private static IHost BuildSilo(Database database, string name, int siloPort, int gatewayPort)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = ClusterId;
                options.ServiceId = "datacustody-tests";
            });
            // Silos of one name are taken for restarts of one another; these are two silos.
            silo.Configure<SiloOptions>(options => options.SiloName = name);
            silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort);
            // The default minute between table reads would only slow the test down.
            silo.Configure<ClusterMembershipOptions>(options => options.TableRefreshTimeout = TimeSpan.FromSeconds(1));
            silo.UsePostgresMembership(database);
        });
        return builder.Build();
    }

    private static IHost BuildClient(Database database)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = ClusterId;
                options.ServiceId = "datacustody-tests";
            });
            client.UsePostgresGateways(database);
        });
        return builder.Build();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"Gave up after {waited.Elapsed.TotalSeconds:F0} s waiting until {what}.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
        }
    }

    private async Task<PostgresMembershipTable> NewTableAsync()
    {
        var table = Table(await postgres.CreateMigratedDatabaseAsync(), ClusterId);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return table;
    }

    private static PostgresMembershipTable Table(Database database, string clusterId) =>
        new(database, Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "datacustody-tests" }));

    private static async Task InsertAsync(PostgresMembershipTable table, MembershipEntry entry)
    {
        var version = (await table.ReadAllAsync()).Version;
        Assert.True(await table.InsertRowAsync(entry, version.Next()), $"insert of {entry.SiloAddress}");
    }

    private static Tuple<MembershipEntry, string> Find(MembershipTableData data, SiloAddress silo)
    {
        var found = data.TryGet(silo);
        Assert.NotNull(found);
        return found;
    }

    private static SiloAddress Silo(int port) => SiloAddress.New(IPAddress.Loopback, port, 7);

    private static MembershipEntry Entry(int port, SiloStatus status, int proxyPort = 0, DateTime? alive = null) => new()
    {
        SiloAddress = Silo(port),
        Status = status,
        SiloName = $"silo-{port}",
        HostName = "host-1",
        ProxyPort = proxyPort,
        StartTime = T0.AddMinutes(-10),
        IAmAliveTime = alive ?? T0,
        SuspectTimes = [],
    };

    private static void AssertSameEntry(MembershipEntry expected, MembershipEntry actual)
    {
        Assert.Equal(expected.SiloAddress, actual.SiloAddress);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.SiloName, actual.SiloName);
        Assert.Equal(expected.HostName, actual.HostName);
        Assert.Equal(expected.ProxyPort, actual.ProxyPort);
        Assert.Equal(expected.StartTime, actual.StartTime);
        Assert.Equal(expected.IAmAliveTime, actual.IAmAliveTime);
        Assert.Equal(expected.SuspectTimes ?? [], actual.SuspectTimes);
    }
}

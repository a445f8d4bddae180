using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace DataCustody.Storage.Clustering;

/// <summary>
/// Orleans cluster membership in the broker's PostgreSQL database (tables <c>cluster_versions</c>
/// and <c>cluster_members</c>, migration 0002), for the cluster named by
/// <see cref="ClusterOptions.ClusterId"/>.
/// </summary>
/// <remarks>
/// Writes are optimistic, as Orleans' membership protocol requires: an insert or update names the
/// table version etag it read (an update also the row etag) and returns false, writing nothing,
/// when either has moved. The member row and the version row change in one transaction. Heartbeats
/// (<see cref="UpdateIAmAliveAsync"/>) change neither etag, so they never make a silo's pending
/// update fail. The schema must have been migrated (<see cref="SchemaMigrator"/>) before silos start.
/// </remarks>
public sealed class PostgresMembershipTable : IMembershipTable
{
    private const string UndefinedTable = "42P01";

    private const string MemberColumns = """
        address AS Address, port AS Port, generation AS Generation, silo_name AS SiloName,
        host_name AS HostName, status AS Status, proxy_port AS ProxyPort, start_time AS StartTime,
        i_am_alive_time AS IAmAliveTime, suspect_times AS SuspectTimes, etag AS Etag
        """;

    private const string SiloKey = "cluster_id = @ClusterId AND address = @Address AND port = @Port AND generation = @Generation";

    // What a cluster without a version row reads as. Etags come from a sequence that starts at 1,
    // so a write based on this version fails.
    private static readonly TableVersion NoVersion = new(0, "0");

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly Database _database;
    private readonly string _clusterId;

    /// <summary>Creates the table for the cluster of <paramref name="clusterOptions"/> in a PostgreSQL database.</summary>
    public PostgresMembershipTable(Database database, IOptions<ClusterOptions> clusterOptions)
    {
        (_database, _clusterId) = ClusterScope.For(database, clusterOptions);
    }

    /// <inheritdoc />
    public async Task InitializeMembershipTableAsync(bool tryInitTableVersion, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Without tryInitTableVersion this only proves that the schema is there.
            var sql = tryInitTableVersion
                ? "INSERT INTO cluster_versions (cluster_id, version, etag) VALUES (@ClusterId, 0, nextval('cluster_etags')) ON CONFLICT (cluster_id) DO NOTHING"
                : "SELECT count(*) FROM cluster_versions WHERE cluster_id = @ClusterId";
            await connection.ExecuteAsync(Command(sql, new { ClusterId = _clusterId }, null, cancellationToken)).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == UndefinedTable)
        {
            throw new InvalidOperationException(
                "The cluster membership tables do not exist: migrate the database (SchemaMigrator.MigrateAsync) before starting silos.", e);
        }
    }

    /// <inheritdoc />
    public async Task DeleteMembershipTableEntriesAsync(string clusterId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clusterId);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // The members go with their version row (ON DELETE CASCADE), which is locked first, as in every write.
        await connection.ExecuteAsync(Command("DELETE FROM cluster_versions WHERE cluster_id = @ClusterId", new { ClusterId = clusterId }, null, cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Deletes the Dead members whose latest known time (start, heartbeat or suspicion vote) is
    /// before <paramref name="beforeDate"/>; members in any other status stay.
    /// </remarks>
    public async Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(Command(
            """
            DELETE FROM cluster_members
            WHERE cluster_id = @ClusterId AND status = @Dead
              AND GREATEST(start_time, i_am_alive_time, COALESCE(last_suspect_time, '-infinity')) < @BeforeDate
            """,
            new { ClusterId = _clusterId, Dead = (short)SiloStatus.Dead, BeforeDate = beforeDate.ToUniversalTime() },
            null,
            cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<MembershipTableData> ReadRowAsync(SiloAddress key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (members, version) = await ReadAsync($"SELECT {MemberColumns} FROM cluster_members WHERE {SiloKey}", KeyParameters(key), cancellationToken).ConfigureAwait(false);
        return members.Count == 0 ? new MembershipTableData(version) : new MembershipTableData(members[0], version);
    }

    /// <inheritdoc />
    public async Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var (members, version) = await ReadAsync($"SELECT {MemberColumns} FROM cluster_members WHERE cluster_id = @ClusterId", new { ClusterId = _clusterId }, cancellationToken).ConfigureAwait(false);
        return new MembershipTableData(members, version);
    }

    /// <inheritdoc />
    public async Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion tableVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(tableVersion);
        if (!TryParseEtag(tableVersion.VersionEtag, out var tableEtag))
        {
            return false;
        }

        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var written = await MoveVersionAsync(connection, transaction, tableVersion.Version, tableEtag, cancellationToken).ConfigureAwait(false)
            && await connection.ExecuteAsync(Command(
                """
                INSERT INTO cluster_members (cluster_id, address, port, generation, silo_name, host_name, status, proxy_port,
                                             start_time, i_am_alive_time, suspect_times, last_suspect_time, etag)
                VALUES (@ClusterId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
                        @StartTime, @IAmAliveTime, @SuspectTimes, @LastSuspectTime, nextval('cluster_etags'))
                ON CONFLICT (cluster_id, address, port, generation) DO NOTHING
                """,
                EntryParameters(entry),
                transaction,
                cancellationToken)).ConfigureAwait(false) == 1;
        await FinishAsync(transaction, written, cancellationToken).ConfigureAwait(false);
        return written;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Replaces the member row with <paramref name="entry"/>, except that the heartbeat time never
    /// moves back: the entry may be another silo's copy, older than the member's latest heartbeat.
    /// </remarks>
    public async Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion tableVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(tableVersion);
        if (!TryParseEtag(tableVersion.VersionEtag, out var tableEtag) || !TryParseEtag(etag, out var rowEtag))
        {
            return false;
        }

        var parameters = new DynamicParameters(EntryParameters(entry));
        parameters.Add("RowEtag", rowEtag);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var written = await MoveVersionAsync(connection, transaction, tableVersion.Version, tableEtag, cancellationToken).ConfigureAwait(false)
            && await connection.ExecuteAsync(Command(
                $"""
                UPDATE cluster_members
                SET silo_name = @SiloName, host_name = @HostName, status = @Status, proxy_port = @ProxyPort,
                    start_time = @StartTime, i_am_alive_time = GREATEST(i_am_alive_time, @IAmAliveTime),
                    suspect_times = @SuspectTimes, last_suspect_time = @LastSuspectTime, etag = nextval('cluster_etags')
                WHERE {SiloKey} AND etag = @RowEtag
                """,
                parameters,
                transaction,
                cancellationToken)).ConfigureAwait(false) == 1;
        await FinishAsync(transaction, written, cancellationToken).ConfigureAwait(false);
        return written;
    }

    /// <inheritdoc />
    public async Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var parameters = new DynamicParameters(KeyParameters(entry.SiloAddress));
        parameters.Add("IAmAliveTime", ToTimestamp(entry.IAmAliveTime));
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Leaves the row etag alone: a heartbeat must not make another silo's vote on this row fail.
        await connection.ExecuteAsync(Command($"UPDATE cluster_members SET i_am_alive_time = @IAmAliveTime WHERE {SiloKey}", parameters, null, cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    [Obsolete("Use InitializeMembershipTableAsync instead.")]
    public Task InitializeMembershipTable(bool tryInitTableVersion) => InitializeMembershipTableAsync(tryInitTableVersion, CancellationToken.None);

    /// <inheritdoc />
    [Obsolete("Use DeleteMembershipTableEntriesAsync instead.")]
    public Task DeleteMembershipTableEntries(string clusterId) => DeleteMembershipTableEntriesAsync(clusterId, CancellationToken.None);

    /// <inheritdoc />
    [Obsolete("Use CleanupDefunctSiloEntriesAsync instead.")]
    public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate) => CleanupDefunctSiloEntriesAsync(beforeDate, CancellationToken.None);

    /// <inheritdoc />
    [Obsolete("Use ReadRowAsync instead.")]
    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadRowAsync(key, CancellationToken.None);

    /// <inheritdoc />
    [Obsolete("Use ReadAllAsync instead.")]
    public Task<MembershipTableData> ReadAll() => ReadAllAsync(CancellationToken.None);

    /// <inheritdoc />
    [Obsolete("Use InsertRowAsync instead.")]
    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) => InsertRowAsync(entry, tableVersion, CancellationToken.None);

    /// <inheritdoc />
    [Obsolete("Use UpdateRowAsync instead.")]
    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) => UpdateRowAsync(entry, etag, tableVersion, CancellationToken.None);

    /// <inheritdoc />
    [Obsolete("Use UpdateIAmAliveAsync instead.")]
    public Task UpdateIAmAlive(MembershipEntry entry) => UpdateIAmAliveAsync(entry, CancellationToken.None);

    // Reads members and the version in one snapshot, as the contract requires.
    private async Task<(List<Tuple<MembershipEntry, string>> Members, TableVersion Version)> ReadAsync(string membersSql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var version = await connection.QuerySingleOrDefaultAsync<VersionRow>(Command(
            "SELECT version AS Version, etag AS Etag FROM cluster_versions WHERE cluster_id = @ClusterId",
            new { ClusterId = _clusterId },
            transaction,
            cancellationToken)).ConfigureAwait(false);
        var members = await connection.QueryAsync<MemberRow>(Command(membersSql, parameters, transaction, cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        var tableVersion = version is null ? NoVersion : new TableVersion(version.Version, FormatEtag(version.Etag));
        return ([.. members.Select(ToEntry)], tableVersion);
    }

    // Moves the version row to the caller's new version if its etag is still the one the caller
    // read. The row lock it takes makes concurrent writers of the cluster wait for this one.
    private async Task<bool> MoveVersionAsync(DbConnection connection, DbTransaction transaction, int newVersion, long expectedEtag, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(Command(
            """
            UPDATE cluster_versions SET version = @Version, etag = nextval('cluster_etags'), updated_at = now()
            WHERE cluster_id = @ClusterId AND etag = @ExpectedEtag
            """,
            new { ClusterId = _clusterId, Version = newVersion, ExpectedEtag = expectedEtag },
            transaction,
            cancellationToken)).ConfigureAwait(false) == 1;

    private static async Task FinishAsync(DbTransaction transaction, bool written, CancellationToken cancellationToken)
    {
        if (written)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // A conflict: the version row may have moved already, and must not stay moved.
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private object KeyParameters(SiloAddress silo) => new
    {
        ClusterId = _clusterId,
        Address = silo.Endpoint.Address.ToString(),
        Port = silo.Endpoint.Port,
        silo.Generation,
    };

    private object EntryParameters(MembershipEntry entry) => new
    {
        ClusterId = _clusterId,
        Address = entry.SiloAddress.Endpoint.Address.ToString(),
        Port = entry.SiloAddress.Endpoint.Port,
        entry.SiloAddress.Generation,
        SiloName = entry.SiloName ?? string.Empty,
        HostName = entry.HostName ?? string.Empty,
        Status = (short)entry.Status,
        entry.ProxyPort,
        StartTime = ToTimestamp(entry.StartTime),
        IAmAliveTime = ToTimestamp(entry.IAmAliveTime),
        SuspectTimes = entry.SuspectTimes is { Count: > 0 } votes
            ? JsonSerializer.Serialize(votes.Select(v => new SuspectVote(v.Item1.ToParsableString(), v.Item2)), JsonOptions)
            : null,
        LastSuspectTime = entry.SuspectTimes is { Count: > 0 } times ? times.Max(v => ToTimestamp(v.Item2)) : (DateTimeOffset?)null,
    };

    private static Tuple<MembershipEntry, string> ToEntry(MemberRow row)
    {
        var votes = row.SuspectTimes is null ? [] : JsonSerializer.Deserialize<List<SuspectVote>>(row.SuspectTimes, JsonOptions) ?? [];
        var entry = new MembershipEntry
        {
            SiloAddress = SiloAddress.New(IPAddress.Parse(row.Address), row.Port, row.Generation),
            SiloName = row.SiloName,
            HostName = row.HostName,
            Status = (SiloStatus)row.Status,
            ProxyPort = row.ProxyPort,
            StartTime = row.StartTime,
            IAmAliveTime = row.IAmAliveTime,
            SuspectTimes = [.. votes.Select(v => Tuple.Create(SiloAddress.FromParsableString(v.Silo), v.Time))],
        };
        return Tuple.Create(entry, FormatEtag(row.Etag));
    }

    // Orleans writes UTC times, some with an unspecified kind; PostgreSQL's timestamptz takes UTC only.
    private static DateTimeOffset ToTimestamp(DateTime time) => time.Kind == DateTimeKind.Local
        ? new DateTimeOffset(time.ToUniversalTime())
        : new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private static string FormatEtag(long etag) => etag.ToString(CultureInfo.InvariantCulture);

    // An etag this table never issued cannot match; callers get the same false as for a stale one.
    private static bool TryParseEtag(string? etag, out long value) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static CommandDefinition Command(string sql, object parameters, DbTransaction? transaction, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    private sealed record SuspectVote(string Silo, DateTime Time);

    private sealed class VersionRow
    {
        public int Version { get; set; }

        public long Etag { get; set; }
    }

    private sealed class MemberRow
    {
        public string Address { get; set; } = string.Empty;

        public int Port { get; set; }

        public int Generation { get; set; }

        public string SiloName { get; set; } = string.Empty;

        public string HostName { get; set; } = string.Empty;

        public short Status { get; set; }

        public int ProxyPort { get; set; }

        public DateTime StartTime { get; set; }

        public DateTime IAmAliveTime { get; set; }

        public string? SuspectTimes { get; set; }

        public long Etag { get; set; }
    }
}

using System.Data.Common;
using Dapper;
using DataCustody.Storage.Dialects;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace DataCustody.Identity.Storage;

/// <summary>
/// The keys of one purpose, one row per generation in <paramref name="table"/>, rotated on a <see cref="KeySchedule"/>:
/// a refresh stores the next key when it is due, deletes the expired ones and reads the set back. Every node
/// refreshes from the same rows, so all of them hold the same keys.
/// </summary>
internal sealed partial class RotatingKeys(string table, string purpose, Func<byte[]> generate, Func<byte[], SecurityKey> keyOf, ILogger logger)
{
    // Imported once per generation: every refresh would otherwise parse every key again.
    private readonly Dictionary<long, SecurityKey> _imported = [];

    /// <summary>The keys kept, the one in use first; empty before the first refresh.</summary>
    public IReadOnlyList<SecurityKey> Keys { get; private set; } = [];

    /// <summary>Brings the stored keys up to <paramref name="now"/> and reads them; true when <see cref="Keys"/> changed.</summary>
    public async Task<bool> RefreshAsync(DbConnection connection, SqlDialect dialect, KeySchedule schedule, DateTimeOffset now)
    {
        var stored = await ReadAsync(connection);
        var times = stored.Select(key => key.Times).ToList();
        var written = false;
        if (schedule.SuccessorActiveFrom(times, now) is { } activeFrom)
        {
            var generation = stored.Count == 0 ? 1 : stored[^1].Generation + 1;
            // Two nodes finding it due at once both try the same generation; the first insert wins, and both read
            // back the one stored.
            var inserted = await connection.ExecuteAsync(
                $"INSERT INTO {table} (generation, key_material, created_at_ms, active_from_ms) VALUES (@generation, @material, @createdAt, @activeFrom) ON CONFLICT (generation) DO NOTHING",
                new { generation, material = generate(), createdAt = now.ToUnixTimeMilliseconds(), activeFrom = activeFrom.ToUnixTimeMilliseconds() });
            if (inserted == 1)
            {
                LogStored(logger, purpose, generation, activeFrom);
            }
            written = true;
        }
        if (schedule.Expired(times, now) is { Count: > 0 } expired)
        {
            await connection.ExecuteAsync($"DELETE FROM {table} WHERE {dialect.InList("generation", "expired")}", new { expired = dialect.ListOf(expired) });
            LogDeleted(logger, purpose, expired);
            written = true;
        }
        return Publish(written ? await ReadAsync(connection) : stored, now);
    }

    private bool Publish(IReadOnlyList<StoredKey> stored, DateTimeOffset now)
    {
        foreach (var generation in _imported.Keys.Except(stored.Select(key => key.Generation)).ToList())
        {
            _imported.Remove(generation);
        }
        var keys = stored.Select(key => _imported.TryGetValue(key.Generation, out var known)
            ? known
            : _imported[key.Generation] = keyOf(key.KeyMaterial)).ToList();
        var active = KeySchedule.ActiveIndex([.. stored.Select(key => key.Times)], now);
        IReadOnlyList<SecurityKey> ordered = [keys[active], .. keys.Where((_, i) => i != active)];

        var previous = Keys;
        if (previous.Select(key => key.KeyId).SequenceEqual(ordered.Select(key => key.KeyId)))
        {
            return false;
        }
        Keys = ordered;
        if (previous.Count == 0 || previous[0].KeyId != ordered[0].KeyId)
        {
            LogInUse(logger, purpose, stored[active].Generation, ordered[0].KeyId);
        }
        return true;
    }

    private async Task<List<StoredKey>> ReadAsync(DbConnection connection) =>
        [.. await connection.QueryAsync<StoredKey>(
            $"SELECT generation AS Generation, key_material AS KeyMaterial, active_from_ms AS ActiveFromMs FROM {table} ORDER BY generation")];

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {Purpose} key generation {Generation}; every node reads it before it comes into use at {ActiveFrom:O}")]
    private static partial void LogStored(ILogger logger, string purpose, long generation, DateTimeOffset activeFrom);

    [LoggerMessage(Level = LogLevel.Information, Message = "Using {Purpose} key generation {Generation} ({KeyId})")]
    private static partial void LogInUse(ILogger logger, string purpose, long generation, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Purpose} key generations {Generations}: no token made with them is still valid")]
    private static partial void LogDeleted(ILogger logger, string purpose, IReadOnlyList<long> generations);

    private sealed record StoredKey(long Generation, byte[] KeyMaterial, long ActiveFromMs)
    {
        public KeySchedule.KeyTimes Times => new(Generation, DateTimeOffset.FromUnixTimeMilliseconds(ActiveFromMs));
    }
}

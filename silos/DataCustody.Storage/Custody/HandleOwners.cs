using System.Collections.Concurrent;
using Dapper;

namespace DataCustody.Storage.Custody;

/// <summary>
/// Whose a pairwise handle is: the read side of <see cref="PersonRegistry"/>'s links, for the
/// broker's own routing of statements and transfer checks. Read-only, so a gateway that is only
/// a cluster client can use it too.
/// </summary>
public sealed class HandleOwners(Database database)
{
    // Enough for every handle a busy node routes in a while; emptied when full, the cheapest
    // eviction that keeps memory flat, as a miss costs one indexed read.
    private const int RememberedHandles = 200_000;

    // A handle never changes owner while it exists, so owners can be remembered.
    private readonly ConcurrentDictionary<string, (string PersonId, string ProviderId)> _owners = new(StringComparer.Ordinal);

    /// <summary>The person and provider a handle belongs to, or null for a handle the broker never issued (or forgot).</summary>
    public async ValueTask<(string PersonId, string ProviderId)?> OwnerAsync(string handle)
    {
        if (_owners.TryGetValue(handle, out var known))
        {
            return known;
        }
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string PersonId, string ProviderId)>(
            "SELECT person_id, provider_id FROM person_handles WHERE handle = @handle",
            new { handle }).ConfigureAwait(false);
        if (rows.SingleOrDefault() is not { PersonId: not null } owner)
        {
            return null;
        }
        if (_owners.Count >= RememberedHandles)
        {
            _owners.Clear();
        }
        return _owners.GetOrAdd(handle, owner);
    }
}

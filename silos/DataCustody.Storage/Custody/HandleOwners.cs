using Dapper;

namespace DataCustody.Storage.Custody;

/// <summary>
/// Whose a pairwise handle is: the read side of <see cref="PersonRegistry"/>'s links, for the
/// broker's own routing of statements and transfer checks. Read-only, so a gateway that is only
/// a cluster client can use it too.
/// </summary>
public sealed class HandleOwners(Database database)
{
    // A handle never changes owner while it exists, so owners can be remembered: enough of them for
    // every handle a busy node routes in a while.
    private readonly ClearingCache<string, (string PersonId, string ProviderId)> _owners = new(200_000, StringComparer.Ordinal);

    /// <summary>
    /// The person and provider a handle belongs to, or null for a handle the broker never issued (or
    /// forgot), or whose issue is not logged (see <see cref="PersonRegistry.LinkAsync"/>).
    /// </summary>
    public async ValueTask<(string PersonId, string ProviderId)?> OwnerAsync(string handle)
    {
        if (_owners.TryGet(handle, out var known))
        {
            return known;
        }
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string PersonId, string ProviderId)>(
            """
            SELECT p.person_id, p.provider_id FROM person_handles p
            JOIN handles h ON h.handle = p.handle
            WHERE p.handle = @handle
            """,
            new { handle }).ConfigureAwait(false);
        if (rows.SingleOrDefault() is not { PersonId: not null } owner)
        {
            return null;
        }
        return _owners.Remember(handle, owner);
    }

    /// <summary>
    /// Stops remembering the owners of <paramref name="handles"/>, whose person was forgotten. Other
    /// nodes may still remember them until their caches clear; the person's grain refuses what such a
    /// node routes to it.
    /// </summary>
    public void Forget(IEnumerable<string> handles)
    {
        ArgumentNullException.ThrowIfNull(handles);
        foreach (var handle in handles)
        {
            _owners.Forget(handle);
        }
    }
}

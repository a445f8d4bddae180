namespace DataCustody.Identity.Storage;

/// <summary>
/// The life of the provider's signing keys. Each key signs for <paramref name="rotation"/>; its successor is
/// stored and published <paramref name="announcement"/> before it starts signing, so that every node and every
/// relying party caching the key set knows it first; a retired key stays published for
/// <paramref name="retention"/>, as long as the tokens it signed live, and is then deleted.
/// </summary>
internal sealed class SigningKeySchedule(TimeSpan rotation, TimeSpan announcement, TimeSpan retention)
{
    /// <summary>A stored key's place in the schedule: keys are read in generation order.</summary>
    public readonly record struct KeyTimes(long Generation, DateTimeOffset ActiveFrom);

    /// <summary>The index of the key that signs at <paramref name="now"/>: the newest one active.</summary>
    public static int SigningIndex(IReadOnlyList<KeyTimes> keys, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(keys);
        // Before any key is active (a clock set back), the oldest signs rather than none.
        var signing = 0;
        for (var i = 1; i < keys.Count; i++)
        {
            if (keys[i].ActiveFrom <= now)
            {
                signing = i;
            }
        }
        return signing;
    }

    /// <summary>When the next key must start signing, if it is due to be stored now; null when it is not yet.</summary>
    public DateTimeOffset? SuccessorActiveFrom(IReadOnlyList<KeyTimes> keys, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            // Nothing was signed before the first key, so there is nobody to announce it to.
            return now;
        }
        var due = keys[^1].ActiveFrom + rotation;
        if (now < due - announcement)
        {
            return null;
        }
        // A provider that was down past the due time keeps signing with the old key until the new one is announced.
        return due > now + announcement ? due : now + announcement;
    }

    /// <summary>The generations that no valid token can have been signed with: retired longer ago than the retention.</summary>
    public IReadOnlyList<long> Expired(IReadOnlyList<KeyTimes> keys, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var expired = new List<long>();
        // A key retires when its successor starts signing.
        for (var i = 0; i + 1 < keys.Count; i++)
        {
            if (keys[i + 1].ActiveFrom + retention <= now)
            {
                expired.Add(keys[i].Generation);
            }
        }
        return expired;
    }
}

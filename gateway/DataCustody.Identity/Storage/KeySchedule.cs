namespace DataCustody.Identity.Storage;

/// <summary>
/// The life of the provider's keys, signing and encryption alike. Each key is used for <paramref name="rotation"/>;
/// its successor is stored <paramref name="announcement"/> before it is used, so that every node (and, for a
/// signing key, every relying party caching the published key set) knows it first; a retired key stays for
/// <paramref name="retention"/>, as long as the tokens made with it live, and is then deleted.
/// </summary>
internal sealed class KeySchedule(TimeSpan rotation, TimeSpan announcement, TimeSpan retention)
{
    /// <summary>A stored key's place in the schedule: keys are read in generation order.</summary>
    public readonly record struct KeyTimes(long Generation, DateTimeOffset ActiveFrom);

    /// <summary>The index of the key in use at <paramref name="now"/>: the newest one active.</summary>
    public static int ActiveIndex(IReadOnlyList<KeyTimes> keys, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(keys);
        // Before any key is active (a clock set back), the oldest is used rather than none.
        var active = 0;
        for (var i = 1; i < keys.Count; i++)
        {
            if (keys[i].ActiveFrom <= now)
            {
                active = i;
            }
        }
        return active;
    }

    /// <summary>When the next key must come into use, if it is due to be stored now; null when it is not yet.</summary>
    public DateTimeOffset? SuccessorActiveFrom(IReadOnlyList<KeyTimes> keys, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            // Nothing was made with a key before the first, so there is nobody to announce it to.
            return now;
        }
        var due = keys[^1].ActiveFrom + rotation;
        if (now < due - announcement)
        {
            return null;
        }
        // A provider that was down past the due time keeps using the old key until the new one is announced.
        return due > now + announcement ? due : now + announcement;
    }

    /// <summary>The generations that no valid token can have been made with: retired longer ago than the retention.</summary>
    public IReadOnlyList<long> Expired(IReadOnlyList<KeyTimes> keys, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var expired = new List<long>();
        // A key retires when its successor comes into use.
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

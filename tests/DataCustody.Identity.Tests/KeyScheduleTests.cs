using DataCustody.Identity.Storage;
using static DataCustody.Identity.Storage.KeySchedule;

namespace DataCustody.Identity.Tests;

public sealed class KeyScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Rotation = TimeSpan.FromDays(90);
    private static readonly TimeSpan Announcement = TimeSpan.FromDays(1);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(14);
    private static readonly KeySchedule Schedule = new(Rotation, Announcement, Retention);

    // Generation 1 active at T0, generation 2 at T0 + 90 days.
    private static readonly KeyTimes[] TwoKeys = [new(1, T0), new(2, T0 + Rotation)];

    public static TheoryData<string, double, int> SigningCases => new()
    {
        { "the only key, at once", 0, 0 },
        { "the old key while the new one is only announced", 89.5, 0 },
        { "the new key from the moment it is active", 90, 1 },
        { "the new key afterwards", 120, 1 },
        { "the oldest key before any is active (a clock set back)", -1, 0 },
    };

    [Theory]
    [MemberData(nameof(SigningCases))]
    public void The_newest_active_key_signs(string because, double days, int expected)
    {
        var keys = days == 0 ? TwoKeys[..1] : TwoKeys;

        Assert.True(expected == ActiveIndex(keys, T0 + TimeSpan.FromDays(days)), because);
    }

    public static TheoryData<string, double, double?> SuccessorCases => new()
    {
        { "not due long before the rotation", 10, null },
        { "not due just before the announcement", 88.9, null },
        { "due at the announcement, to sign at the rotation", 89, 90 },
        { "found due late (the provider was down): still announced for a whole day", 89.5, 90.5 },
        { "overdue after long downtime: the old key signs a day more", 200, 201 },
    };

    [Theory]
    [MemberData(nameof(SuccessorCases))]
    public void The_next_key_is_stored_an_announcement_before_it_signs(string because, double days, double? activeFromDays)
    {
        var successor = Schedule.SuccessorActiveFrom(TwoKeys[..1], T0 + TimeSpan.FromDays(days));

        Assert.True(successor == (activeFromDays is { } d ? T0 + TimeSpan.FromDays(d) : null), $"{because}: got {successor}");
    }

    [Fact]
    public void The_first_key_signs_at_once()
    {
        Assert.Equal(T0, Schedule.SuccessorActiveFrom([], T0));
    }

    public static TheoryData<string, double, long[]> ExpiryCases => new()
    {
        { "kept while it signs", 60, [] },
        { "kept after retiring, while its tokens may live", 103.9, [] },
        { "deleted once the longest-lived token it signed has expired", 104, [1] },
    };

    [Theory]
    [MemberData(nameof(ExpiryCases))]
    public void A_retired_key_is_deleted_after_the_retention(string because, double days, long[] expected)
    {
        Assert.True(expected.SequenceEqual(Schedule.Expired(TwoKeys, T0 + TimeSpan.FromDays(days))), because);
    }

    [Fact]
    public void The_newest_key_never_expires()
    {
        Assert.Empty(Schedule.Expired(TwoKeys[1..], T0 + TimeSpan.FromDays(1000)));
    }
}

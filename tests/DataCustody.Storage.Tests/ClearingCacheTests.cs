namespace DataCustody.Storage.Tests;

public sealed class ClearingCacheTests
{
    [Fact]
    public void Values_are_remembered_up_to_the_capacity_and_then_all_dropped()
    {
        var cache = new ClearingCache<string, int>(2, StringComparer.Ordinal);
        cache.Remember("a", 1);
        cache.Remember("b", 2);
        var bothKept = cache.TryGet("a", out _) && cache.TryGet("b", out _);

        cache.Remember("c", 3);

        Assert.True(bothKept);
        Assert.False(cache.TryGet("a", out _));
        Assert.False(cache.TryGet("b", out _));
        Assert.Equal((true, 3), (cache.TryGet("c", out var c), c));
    }

    [Fact]
    public void The_first_value_remembered_for_a_key_is_kept()
    {
        var cache = new ClearingCache<string, int>(10, StringComparer.Ordinal);

        Assert.Equal((1, 1), (cache.Remember("a", 1), cache.Remember("a", 2)));
        Assert.Equal((true, 1), (cache.TryGet("a", out var a), a));
    }

    [Fact]
    public void A_value_is_made_only_for_a_key_not_remembered()
    {
        var cache = new ClearingCache<string, string>(10, StringComparer.Ordinal);
        var made = 0;

        var first = cache.GetOrAdd("a", (key, suffix) => { made++; return key + suffix; }, "!");
        var second = cache.GetOrAdd("a", (key, suffix) => { made++; return key + suffix + suffix; }, "!");

        Assert.Equal(("a!", "a!", 1), (first, second, made));
    }

    [Fact]
    public void A_forgotten_key_is_forgotten_alone()
    {
        var cache = new ClearingCache<string, int>(10, StringComparer.Ordinal);
        cache.Remember("a", 1);
        cache.Remember("b", 2);

        cache.Forget("a");
        cache.Forget("never remembered");

        Assert.False(cache.TryGet("a", out _));
        Assert.Equal((true, 2), (cache.TryGet("b", out var b), b));
        Assert.Equal(3, cache.Remember("a", 3));
    }
}

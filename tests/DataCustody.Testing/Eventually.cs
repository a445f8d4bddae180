using System.Diagnostics;

namespace DataCustody.Testing;

/// <summary>Polls a condition until it holds or a deadline passes: synchronising on an event, not on a guess of how long it takes.</summary>
public static class Eventually
{
    /// <summary>Returns the first value of <paramref name="probe"/> that satisfies <paramref name="done"/>; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0.#} s for {what}; last seen: {value}.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }
}

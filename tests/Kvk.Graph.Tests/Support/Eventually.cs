using System.Diagnostics;

namespace Kvk.Graph.Tests.Support;

/// <summary>
/// Waiting for what a host does a moment after it was asked (hears of a change through the database, lets a permit
/// refill, marks a backend down): polled, never slept for a guessed time, with a bound only for what never comes.
/// </summary>
public static class Eventually
{
    /// <summary>Polls until <paramref name="condition"/> holds, at most <paramref name="within"/>; returns whether it did.</summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return await condition();
    }
}

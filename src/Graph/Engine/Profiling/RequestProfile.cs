using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Kvk.Graph.Engine.Profiling;

/// <summary>
/// Where a request's time goes, phase by phase (<see cref="ProfilePhase"/>), for the benchmark harness's profile
/// (<c>--profile</c>): opt-in with <c>Kvk:Profile:Enabled=true</c>. Without it no instance exists, each phase boundary is one
/// null check, and there is no profile endpoint. The totals are wall-clock time summed over requests, so a phase that
/// waits (SQL) includes the waiting and concurrent requests overlap; the harness divides them by the requests counted.
/// </summary>
public sealed class RequestProfile
{
    public const string EnabledKey = "Kvk:Profile:Enabled";

    private static readonly ProfilePhase[] Phases = Enum.GetValues<ProfilePhase>();

    private readonly long[] _ticks = new long[Phases.Length];
    private readonly long[] _counts = new long[Phases.Length];

    /// <summary>A profile when the configuration enables it; null (no profiling at all) otherwise.</summary>
    public static RequestProfile? From(IConfiguration configuration) => configuration.GetValue<bool>(EnabledKey) ? new RequestProfile() : null;

    /// <summary>Now, as a phase's start for <see cref="Add"/>.</summary>
    public static long Now() => Stopwatch.GetTimestamp();

    /// <summary>Counts one <paramref name="phase"/> that began at <paramref name="started"/> (<see cref="Now"/>) and ends now.</summary>
    public void Add(ProfilePhase phase, long started)
    {
        Interlocked.Add(ref _ticks[(int)phase], Stopwatch.GetTimestamp() - started);
        Interlocked.Increment(ref _counts[(int)phase]);
    }

    /// <summary>Every phase's count and total time so far, in microseconds; the harness takes the difference of two.</summary>
    public IReadOnlyDictionary<string, PhaseTotal> Snapshot() => Phases.ToDictionary(
        phase => JsonName(phase),
        phase => new PhaseTotal(
            Interlocked.Read(ref _counts[(int)phase]),
            Interlocked.Read(ref _ticks[(int)phase]) * 1_000_000.0 / Stopwatch.Frequency));

    /// <summary>The phase's name in the endpoint's JSON: <c>ReadBody</c> as <c>readBody</c>.</summary>
    public static string JsonName(ProfilePhase phase)
    {
        var name = phase.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}

/// <param name="Count">How many times the phase ended.</param>
/// <param name="Microseconds">Its wall-clock time, summed.</param>
public sealed record PhaseTotal(long Count, double Microseconds);

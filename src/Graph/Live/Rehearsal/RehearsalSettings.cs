namespace Kvk.Graph.Live.Rehearsal;

/// <summary>
/// How a host rehearses its live path before it reports ready (<see cref="LiveRehearsal"/>): on by default in Production,
/// where hosts take watchers (<c>Kvk:Live:Rehearsal:Enabled</c>), for at most <c>Kvk:Live:Rehearsal:MaxSeconds</c> (30).
/// </summary>
public sealed record RehearsalSettings(bool Enabled, TimeSpan MaxDuration)
{
    /// <summary>Watchers a round, over each transport.</summary>
    public int Watchers { get; init; } = 16;

    /// <summary>A round that made the runtime compile fewer methods than this ends the rehearsal.</summary>
    public int SettledMethods { get; init; } = 10;

    /// <summary>The pause after a round, in which the runtime compiles what the round made hot.</summary>
    public TimeSpan Pause { get; init; } = TimeSpan.FromMilliseconds(250);

    public static RehearsalSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var seconds = configuration.GetValue<double?>("Kvk:Live:Rehearsal:MaxSeconds") ?? 30;
        if (seconds <= 0)
        {
            throw new InvalidOperationException($"Kvk:Live:Rehearsal:MaxSeconds must be positive, not {seconds}.");
        }

        return new(configuration.GetValue<bool?>("Kvk:Live:Rehearsal:Enabled") ?? environment.IsProduction(), TimeSpan.FromSeconds(seconds));
    }
}

namespace Kvk.Graph.Tests.Support.Scenarios;

/// <summary>A round a scenario recorded: its year and what it was given, for the test to act on and assert against.</summary>
/// <param name="Version">The round's version after the scenario's last step.</param>
/// <param name="DecidedVersion">The version at the jury's decision, where the scenario recorded one.</param>
/// <param name="AnnouncedVersion">The version at the announcement, where the scenario recorded one.</param>
public sealed record GivenRound(
    int Year,
    IReadOnlyList<string> Nominees,
    string? Winner = null,
    string? Motivation = null,
    int Version = 1,
    int? DecidedVersion = null,
    int? AnnouncedVersion = null);

using Kvk.Domain.Sources;

namespace Kvk.Domain.Rounds;

/// <summary>The jury nominated a municipality (kommun) as a finalist of the round.</summary>
/// <param name="Sources">Where the nomination is published, where the secretariat or the seed import gave it (absent in events recorded before sources were
/// kept).</param>
public sealed record MunicipalityNominated(int Year, string MunicipalityCode, IReadOnlyList<Source>? Sources = null) : IRoundEvent<MunicipalityNominated>
{
    public static string StoredName => "municipality_nominated";

    public static RoundEventTelling Telling { get; } = new()
    {
        Told = new(
            Summary: "Nominated {municipality} ({code}).",
            Swedish: "{municipality} nominerades.",
            English: "{municipality} was nominated.",
            Secretariat: "nominerade {municipality}"),
    };

    public Round? Evolve(Round? state) => state is null ? null : state with { Nominees = state.Nominees.Add(MunicipalityCode) };

    public RoundEventFacts Facts() => new() { MunicipalityCode = MunicipalityCode };
}

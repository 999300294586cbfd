using System.Text.Json;
using System.Text.Json.Serialization;
using Kvk.Domain.Rounds;
using Kvk.Domain.Sources;

namespace Kvk.Domain.Seeding;

/// <summary>A source as <c>seeds/rounds.json</c> gives it; <c>Citation</c> is the text of the <c>source</c> column of <c>nominees.csv</c> it stands
/// for.</summary>
public sealed record SeedSource(string Title, string? Publisher, string? Url, string? PublishedOn, string Citation)
{
    public Source Supporting(string supports) => new(Title, Publisher, Url, PublishedOn, supports);
}

/// <summary>The jury's decision in a seeded round, as published, with the sources of the decision and motivation.</summary>
public sealed record SeedDecision(string MunicipalityCode, string RecipientName, string Motivation, IReadOnlyList<SeedSource>? Sources = null);

/// <summary>Something known of a seeded round but not recorded as a fact, with its sources.</summary>
public sealed record SeedNote(string Text, IReadOnlyList<SeedSource> Sources);

/// <summary>One historical round from <c>seeds/rounds.json</c>.</summary>
/// <param name="NomineeSources">The sources of the list of nominees.</param>
/// <param name="NominationSources">The sources of a nomination, by municipality code, where they differ from the list's.</param>
/// <param name="NomineesKnown">How much of the list the sources give; recorded only where the round has sources.</param>
public sealed record SeedRound(
    int Year,
    IReadOnlyList<string> Nominees,
    SeedDecision? Decision,
    bool Announced,
    NomineesKnown NomineesKnown = NomineesKnown.FullList,
    IReadOnlyList<SeedSource>? NomineeSources = null,
    IReadOnlyDictionary<string, IReadOnlyList<SeedSource>>? NominationSources = null,
    IReadOnlyList<SeedNote>? Notes = null)
{
    /// <summary>The sources of one nominee's nomination: its own where the seed gives them, else the list's.</summary>
    public IReadOnlyList<SeedSource> SourcesOf(string municipalityCode) =>
        NominationSources?.GetValueOrDefault(municipalityCode) ?? NomineeSources ?? [];
}

/// <summary>The published history of the award: what the host imports into an empty store.</summary>
/// <param name="Released">
/// When this seed was released (the day its data last changed): the recording time of every seeded fact, so that every
/// install that imports the same seed holds the same record, to the byte, whenever it imports it.
/// </param>
public sealed record SeedHistory(IReadOnlyList<SeedRound> Rounds, DateTimeOffset Released)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        Converters = { new JsonStringEnumConverter<NomineesKnown>() },
    };

    public static SeedHistory Load(string path)
    {
        using var stream = File.OpenRead(path);
        var history = JsonSerializer.Deserialize<SeedHistory>(stream, Options) ?? throw new InvalidDataException($"{path} holds no seed history.");
        return history.Released != default ? history : throw new InvalidDataException($"{path} names no release date (\"released\").");
    }
}

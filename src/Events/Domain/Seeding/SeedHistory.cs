using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kvk.Domain.Seeding;

/// <summary>The jury's decision in a seeded round, as published.</summary>
public sealed record SeedDecision(string MunicipalityCode, string RecipientName, string Motivation);

/// <summary>One historical round from <c>seeds/rounds.json</c>.</summary>
public sealed record SeedRound(int Year, IReadOnlyList<string> Nominees, SeedDecision? Decision, bool Announced);

/// <summary>The published history of the award: what the host imports into an empty store.</summary>
public sealed record SeedHistory(IReadOnlyList<SeedRound> Rounds)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static SeedHistory Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<SeedHistory>(stream, Options)
            ?? throw new InvalidDataException($"{path} holds no seed history.");
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using Kvk.Graph.Engine.Reading;
using Kvk.Storage.Awards;

namespace Kvk.Graph.Search;

/// <summary>
/// The parsed motivations the excerpts are built from, kept by their text: a motivation is parsed by
/// PostgreSQL (<see cref="AwardSearchIndex.Parse"/>, the function the search index is made with) once in
/// this host's life, and a search's hits cost no more than their ids and ranks.
/// </summary>
public sealed class MotivationWords
{
    /// <summary>How many parsed motivations are kept; past it they are dropped and parsed again.</summary>
    public const int MaxKept = 1_000;

    private readonly ConcurrentDictionary<string, ParsedMotivation> _parsed = new(StringComparer.Ordinal);

    /// <summary>Motivations parsed into words and lexemes, for search excerpts, in batches, with the asking operation's reads.</summary>
    public static readonly LoaderKind<string, ParsedMotivation> Parsed = new(
        (services, motivations, ct) => services.GetRequiredService<MotivationWords>().ParseAsync(services.GetRequiredService<ReadStore>(), motivations, ct),
        ParsedMotivation.Empty);

    /// <param name="store">The asking operation's reads, where texts not parsed yet are parsed.</param>
    public async Task<IReadOnlyDictionary<string, ParsedMotivation>> ParseAsync(
        ReadStore store,
        IReadOnlyList<string> motivations,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, ParsedMotivation>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var motivation in motivations)
        {
            if (_parsed.TryGetValue(motivation, out var parsed))
            {
                result[motivation] = parsed;
            }
            else
            {
                missing.Add(motivation);
            }
        }

        if (missing.Count > 0)
        {
            if (_parsed.Count + missing.Count > MaxKept)
            {
                _parsed.Clear();
            }

            var rows = await store.ValuesAsync("select to_json(p.words), to_json(p.lexemes) from unnest($1::text[]) with ordinality m(text, n), " +
                $"{AwardSearchIndex.Parse}(m.text) p order by m.n", [missing.ToArray()], cancellationToken);
            for (var i = 0; i < missing.Count; i++)
            {
                var parsed = ParsedMotivation.Of(missing[i], Strings(rows[i][0]), Strings(rows[i][1]));
                _parsed[missing[i]] = parsed;
                result[missing[i]] = parsed;
            }
        }

        return result;
    }

    private static string[] Strings(string? json) => json is null ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];
}

using System.Globalization;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Search;
using Kvk.Storage.Awards;
using Kvk.Storage.Store;
using Marten;

namespace Kvk.Graph.Explorer;

/// <summary>An award whose motivation matched, with the passages around the matched words.</summary>
public sealed record MotivationHit(AwardView Award, Html Excerpt);

/// <summary>
/// The API's search in the announced awards' motivations (<see cref="SearchQueries"/>): PostgreSQL's Swedish
/// <c>websearch_to_tsquery</c> over the stored vectors of <see cref="AwardSearchIndex"/>, best match first,
/// with the same excerpts.
/// </summary>
public static class MotivationSearch
{
    /// <summary>More hits than the record has awards for decades; a page shows no more.</summary>
    public const int MaxHits = 50;

    private static readonly string Sql = string.Create(CultureInfo.InvariantCulture, $"""
        select a.data from {ViewTables.Awards} a
        join {AwardSearchIndex.Table} s on s.id = a.id
        cross join websearch_to_tsquery('swedish'::regconfig, ?) terms
        where a.{ViewTables.MainProgramme} and s.{AwardSearchIndex.Vector} @@ terms
        order by ts_rank(s.{AwardSearchIndex.Vector}, terms) desc, a.year desc
        limit {MaxHits}
        """);

    /// <summary>The search's text after the API's rules, or why there is none.</summary>
    public static (string? Text, SearchProblem Problem) Read(string? query)
    {
        if (query is null)
        {
            return (null, SearchProblem.NotAsked);
        }

        // A control character (a NUL above all) is nothing a search means, and PostgreSQL refuses NUL in text.
        var text = new string([.. query.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        return text.Length switch
        {
            0 => (null, SearchProblem.Empty),
            > SearchQueries.MaxTextLength => (text, SearchProblem.TooLong),
            _ => (text, SearchProblem.None),
        };
    }

    public static async Task<IReadOnlyList<MotivationHit>> FindAsync(IDocumentStore store, MotivationWords motivationWords, ReadStore reads, string text, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var batch = session.CreateBatchQuery();
        var awards = batch.Query<AwardView>(Sql, text);
        var terms = batch.Query<string>("select websearch_to_tsquery('swedish'::regconfig, ?)::text", text);
        await batch.Execute(cancellationToken);

        var found = await awards;
        var matching = Excerpt.Lexemes((await terms).SingleOrDefault() ?? "");
        var parsed = await motivationWords.ParseAsync(reads, [.. found.Select(a => a.Motivation).Distinct()], cancellationToken);
        return [.. found.Select(a => new MotivationHit(a, Passages(Excerpt.Build(parsed[a.Motivation], matching), a.Motivation)))];
    }

    /// <summary>The excerpt with an ellipsis where the motivation has words before or after it.</summary>
    private static Html Passages(string excerpt, string motivation)
    {
        var fragments = excerpt.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal).Split(Excerpt.Delimiter);
        var first = motivation.IndexOf(fragments[0], StringComparison.Ordinal);
        var last = motivation.LastIndexOf(fragments[^1], StringComparison.Ordinal);
        var before = first > 0 && motivation[..first].Any(char.IsLetterOrDigit);
        var after = last >= 0 && motivation[(last + fragments[^1].Length)..].Any(char.IsLetterOrDigit);
        return Html.Of($"{(before ? "… " : "")}{Marked(excerpt)}{(after ? " …" : "")}");
    }

    /// <summary>
    /// The excerpt as HTML: its text escaped, its <c>&lt;mark&gt;</c> and <c>&lt;/mark&gt;</c> as elements. A
    /// motivation that itself held those words would at worst be highlighted: nothing else can become markup,
    /// and the marks written always pair up.
    /// </summary>
    public static Html Marked(string excerpt)
    {
        const string open = "<mark>";
        const string close = "</mark>";
        var parts = new List<Html>();
        var marked = false;
        var position = 0;
        while (position < excerpt.Length)
        {
            var tag = marked ? close : open;
            var next = excerpt.IndexOf(tag, position, StringComparison.Ordinal);
            var text = next < 0 ? excerpt[position..] : excerpt[position..next];
            parts.Add(marked ? Html.Of($"<mark>{text}</mark>") : Html.Of($"{text}"));
            if (next < 0)
            {
                break;
            }

            marked = !marked;
            position = next + tag.Length;
        }

        return Html.Join(parts);
    }
}

/// <summary>Why a search did not run.</summary>
public enum SearchProblem
{
    None,
    NotAsked,
    Empty,
    TooLong,
}

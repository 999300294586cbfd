using JasperFx.Events;
using Kvk.Domain.Rounds;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Search;
using Kvk.Storage.Awards;
using Kvk.Storage.Nominations;
using Kvk.Storage.Rounds;
using Marten;

namespace Kvk.Graph.ReadModel;

/// <summary>The batch loaders of one request: related documents by key, one SQL statement per batch.</summary>
public sealed class ReadLoaders(ReadStore store, IDocumentStore documents, MotivationWords motivationWords)
{
    public BatchLoader<int, RoundView?> RoundByYear => field ??= One<int, RoundView>(DocumentTables.Rounds, "year", "int", r => r.Year);

    public BatchLoader<int, AwardView?> AwardByYear => field ??= One<int, AwardView>(DocumentTables.Awards, "year", "int", a => a.Year);

    public BatchLoader<int, IReadOnlyList<NominationView>> NominationsByYear =>
        field ??= Many<int, NominationView>(DocumentTables.Nominations, "year", "int", n => n.Year);

    public BatchLoader<string, NominationView?> NominationById => field ??= One<string, NominationView>(DocumentTables.Nominations, "id", "text", n => n.Id);

    /// <summary>The stored events of rounds by year, oldest first, through Marten's event API.</summary>
    public BatchLoader<int, IReadOnlyList<IEvent>> EventsByYear => field ??= new(async (years, ct) =>
    {
        await using var session = documents.QuerySession();
        var yearOf = years.ToDictionary(AwardYear.StreamKey);
        var keys = yearOf.Keys.ToArray();
        var events = await session.Events.QueryAllRawEvents().Where(e => e.StreamKey!.IsOneOf(keys)).OrderBy(e => e.Sequence).ToListAsync(ct);
        return events.GroupBy(e => yearOf[e.StreamKey!]).ToDictionary(g => g.Key, g => (IReadOnlyList<IEvent>)[.. g]);
    }, []);

    public BatchLoader<string, IReadOnlyList<AwardView>> AwardsByMunicipality =>
        field ??= Many<string, AwardView>(DocumentTables.Awards, "municipality_code", "text", a => a.MunicipalityCode);

    public BatchLoader<string, IReadOnlyList<NominationView>> NominationsByMunicipality =>
        field ??= Many<string, NominationView>(DocumentTables.Nominations, "municipality_code", "text", n => n.MunicipalityCode);

    /// <summary>Motivations parsed into words and lexemes, for search excerpts.</summary>
    public BatchLoader<string, ParsedMotivation> ParsedMotivations => field ??= new((texts, ct) => motivationWords.ParseAsync(store, texts, ct), ParsedMotivation.Empty);

    private BatchLoader<TKey, TDoc?> One<TKey, TDoc>(string table, string column, string sqlType, Func<TDoc, TKey> keyOf)
        where TKey : notnull
        where TDoc : class =>
        new(async (keys, ct) => (await FetchAsync<TKey, TDoc>(table, column, sqlType, keys, ct)).ToDictionary(d => keyOf(d), d => (TDoc?)d), null);

    private BatchLoader<TKey, IReadOnlyList<TDoc>> Many<TKey, TDoc>(string table, string column, string sqlType, Func<TDoc, TKey> keyOf)
        where TKey : notnull =>
        new(async (keys, ct) => (await FetchAsync<TKey, TDoc>(table, column, sqlType, keys, ct))
            .GroupBy(keyOf)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TDoc>)[.. g]), []);

    private async Task<IReadOnlyList<TDoc>> FetchAsync<TKey, TDoc>(string table, string column, string sqlType, IReadOnlyList<TKey> keys, CancellationToken ct)
    {
        var rows = await store.QueryAsync<TDoc>(table, $"select {ReadStore.Reference(table)} from {table} where {DocumentTables.MainProgramme} and {column} = any($1::{sqlType}[]) order by id", [keys.ToArray()], ct);
        return [.. rows.Select(r => r.Document)];
    }
}

public static class ReadLoadersOfContext
{
    /// <summary>The batch loaders of the operation a resolver runs in.</summary>
    public static ReadLoaders Loaders(this GraphQL.IResolveFieldContext context) => context.Service<ReadLoaders>();
}

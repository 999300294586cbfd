using GraphQL.Types;
using Kvk.Domain.Rounds;
using Kvk.Graph.Engine.Lists;
using Kvk.Storage.Rounds;

namespace Kvk.Graph.Rounds;

public sealed class NomineesKnownType : EnumerationGraphType<NomineesKnown>
{
    public NomineesKnownType()
    {
        Name = "NomineesKnown";
        Description = "How much of a round's list of nominees is known. Count nominations per round only where it is FULL_LIST.";
        Values["FULL_LIST"]!.Description = "The full list of nominees as published.";
        Values["WINNER_ONLY"]!.Description = "Only the winner: the list of nominees was not published in the sources found (2007, 2009, 2013). The round " +
            "shows one nominee, which undercounts.";
        Values["NOT_PUBLISHED_YET"]!.Description = "Nominations are still open; the list is not final.";
    }

    /// <summary>
    /// A round's coverage: what its sources say where the round recorded it, else what its status implies (nominations
    /// still open, or the list closed as recorded).
    /// </summary>
    public static NomineesKnown Of(RoundView round) =>
        round.NomineesKnown ?? (round.Status == RoundStatus.Nominating ? NomineesKnown.NotPublishedYet : NomineesKnown.FullList);

    /// <summary>The same in SQL, for filters and sorts.</summary>
    public static string Sql(string source) =>
        $"coalesce({source}.data->>'nomineesKnown', case when {source}.data->>'status' = '{nameof(RoundStatus.Nominating)}' then " +
            $"'{nameof(NomineesKnown.NotPublishedYet)}' else '{nameof(NomineesKnown.FullList)}' end)";

    public static readonly EnumOrder Order = EnumOrder.Of<NomineesKnown, NomineesKnownType>("NomineesKnown");
}

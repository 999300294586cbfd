using GraphQL.Types;

namespace Kvk.Graph.Nominations;

public static class NominationQueries
{
    public static void AddNominationQueries(this ObjectGraphType query) => NominationList.Root.AddTo(query);
}

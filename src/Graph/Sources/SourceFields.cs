using GraphQL.Types;
using Kvk.Domain.Sources;

namespace Kvk.Graph.Sources;

/// <summary>The <c>sources</c> field, described for what its object is.</summary>
public static class SourceFields
{
    public static void AddSources<T>(this ObjectGraphType<T> type, string description, Func<T, IReadOnlyList<Source>> sources) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceType>>>>("sources").Description(description).Resolve(c => sources(c.Source));
}

using GraphQL;
using GraphQL.Types;
using Kvk.Domain.Sources;

namespace Kvk.Graph.Sources;

/// <summary>The <c>sources</c> field, described for what its object is.</summary>
public static class SourceFields
{
    /// <summary>A fact has one or two sources: their lists weigh as little in a query's complexity as that.</summary>
    public const double ExpectedSources = 2;

    public static void AddSources<T>(this ObjectGraphType<T> type, string description, Func<T, IReadOnlyList<Source>> sources) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceType>>>>("sources").Description(description)
            .WithComplexityImpact(1, ExpectedSources).Resolve(c => sources(c.Source));
}

using GraphQL;
using GraphQL.Types;
using Kvk.Graph.Engine.Lists.Filtering;
using Kvk.Graph.Engine.Lists.Sorting;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Schema;

namespace Kvk.Graph.Engine.Lists.Paging;

/// <summary>What a list of a kind of document can be filtered and sorted by, and its order when none is asked for.</summary>
public sealed record ListDefinition(
    Func<DocumentQuery> Source,
    IReadOnlyDictionary<string, FilterTarget> Filters,
    IReadOnlyDictionary<string, SqlColumn> Columns,
    IReadOnlyList<SortKey> DefaultOrder);

public static class ListFields
{
    /// <summary>
    /// A HotChocolate-shaped list root: a connection with <c>where</c>, <c>order</c> and cursor paging,
    /// one page query in PostgreSQL (and one count when <c>totalCount</c> is selected).
    /// </summary>
    /// <param name="items">What the list holds, in words, for the <c>where</c> argument's description.</param>
    public static void AddListField<TConnection, TFilter, TSort, TDocument>(this ObjectGraphType query, string name, string description, string items, ListDefinition list)
        where TConnection : IGraphType
        where TFilter : IGraphType
        where TSort : IGraphType =>
        query.Field<NonNullGraphType<TConnection>>(name)
            .Description(description)
            .Paged()
            .Argument<TFilter>("where", $"Only the {items} that meet these conditions.")
            .Argument<ListGraphType<NonNullGraphType<TSort>>>("order", "The sort order; the first entry sorts first.")
            .ResolveAsync(async c =>
            {
                var documents = list.Source()
                    .Filter(c.GetArgument<object?>("where"), list.Filters)
                    .OrderBy(SortOrder.Parse(c.GetArgument<object?>("order"), list.Columns, list.DefaultOrder));
                return await Pager.PageAsync<TDocument>(c.ReadStore(), documents, PageArguments.From(c), c.CancellationToken);
            });
}

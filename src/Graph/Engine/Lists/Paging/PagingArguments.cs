using GraphQL.Builders;
using GraphQL.Types;

namespace Kvk.Graph.Engine.Lists.Paging;

public static class PagingArguments
{
    /// <summary>Adds <c>first</c>, <c>after</c>, <c>last</c> and <c>before</c> to a connection field.</summary>
    public static FieldBuilder<TSource, TReturn> Paged<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<IntGraphType>("first", $"Return the first n items (default {PageArguments.DefaultPageSize}, at most {PageArguments.MaxPageSize}).")
        .Argument<StringGraphType>("after", "Return items after this cursor.")
        .Argument<IntGraphType>("last", $"Return the last n items (at most {PageArguments.MaxPageSize}).")
        .Argument<StringGraphType>("before", "Return items before this cursor.");
}

using GraphQL.Builders;
using GraphQL.Types;

namespace Kvk.Graph.Engine.Lists.Paging;

public static class PagingArguments
{
    /// <summary><c>first</c>, <c>after</c>, <c>last</c> and <c>before</c>: the cursor-paging arguments of every connection field.</summary>
    public static IEnumerable<QueryArgument> All =>
    [
        new QueryArgument<IntGraphType> { Name = "first", Description = $"Return the first n items (default {PageArguments.DefaultPageSize}, at most " +
            $"{PageArguments.MaxPageSize})." },
        new QueryArgument<StringGraphType> { Name = "after", Description = "Return items after this cursor." },
        new QueryArgument<IntGraphType> { Name = "last", Description = $"Return the last n items (at most {PageArguments.MaxPageSize})." },
        new QueryArgument<StringGraphType> { Name = "before", Description = "Return items before this cursor." },
    ];

    /// <summary>Adds the paging arguments to a connection field built by hand (search).</summary>
    public static FieldBuilder<TSource, TReturn> Paged<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        foreach (var argument in All)
        {
            field.FieldType.Arguments ??= [];
            field.FieldType.Arguments.Add(argument);
        }

        return field;
    }
}

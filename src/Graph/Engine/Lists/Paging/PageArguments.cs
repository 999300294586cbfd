using GraphQL;

namespace Kvk.Graph.Engine.Lists.Paging;

/// <summary>The cursor-paging arguments of a list field, checked: <c>first</c> or <c>last</c>, never both.</summary>
/// <param name="WithTotal">Whether the connection's <c>totalCount</c> is selected, so that it is counted with the page.</param>
public sealed record PageArguments(int Size, bool Backward, string? After, string? Before, bool WithTotal)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    public static PageArguments From(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        if (first is not null && last is not null)
        {
            throw new ExecutionError("Pass either `first` or `last`, not both.") { Code = "INVALID_PAGING" };
        }

        foreach (var (name, value) in new[] { ("first", first), ("last", last) })
        {
            if (value is < 0 or > MaxPageSize)
            {
                throw new ExecutionError($"`{name}` must be between 0 and {MaxPageSize}; it was {value}.") { Code = "INVALID_PAGING" };
            }
        }

        var withTotal = context.SubFields?.Values.Any(f => f.FieldType.Name == "totalCount") ?? false;
        return new PageArguments(
            last ?? first ?? DefaultPageSize,
            last is not null,
            context.GetArgument<string?>("after"),
            context.GetArgument<string?>("before"),
            withTotal);
    }
}

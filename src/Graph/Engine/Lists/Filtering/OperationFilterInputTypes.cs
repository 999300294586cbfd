using GraphQL.Types;
using Kvk.Graph.Engine.Schema;

namespace Kvk.Graph.Engine.Lists.Filtering;

/// <summary>HotChocolate's operation inputs: the conditions one value can be tested with.</summary>
public abstract class OperationFilterInputType<TSelf, TValue> : InputObjectGraphType
    where TSelf : IGraphType
    where TValue : IGraphType
{
    protected OperationFilterInputType(string name, string what, bool comparable, bool text)
    {
        Name = name;
        Description = $"Conditions on {what}.";
        Field<ListGraphType<NonNullGraphType<TSelf>>>("and").Description("All of these conditions must hold.");
        Field<ListGraphType<NonNullGraphType<TSelf>>>("or").Description("At least one of these conditions must hold.");
        Field<TValue>("eq").Description("Equal to the value (null: the value is missing).");
        Field<TValue>("neq").Description("Not equal to the value (null: the value is present).");
        Field<ListGraphType<TValue>>("in").Description("Equal to one of the values.");
        Field<ListGraphType<TValue>>("nin").Description("Equal to none of the values.");
        if (text)
        {
            Field<TValue>("contains").Description("Contains the text (case-sensitive).");
            Field<TValue>("ncontains").Description("Does not contain the text (case-sensitive).");
            Field<TValue>("startsWith").Description("Starts with the text (case-sensitive).");
            Field<TValue>("nstartsWith").Description("Does not start with the text (case-sensitive).");
            Field<TValue>("endsWith").Description("Ends with the text (case-sensitive).");
            Field<TValue>("nendsWith").Description("Does not end with the text (case-sensitive).");
            Field<TValue>("eqIgnoreCase").Description(IgnoreCase("Equal to the text"));
            Field<TValue>("containsIgnoreCase").Description(IgnoreCase("Contains the text"));
            Field<TValue>("startsWithIgnoreCase").Description(IgnoreCase("Starts with the text"));
        }

        if (comparable)
        {
            Field<TValue>("gt").Description("Greater than the value.");
            Field<TValue>("ngt").Description("Not greater than the value.");
            Field<TValue>("gte").Description("Greater than or equal to the value.");
            Field<TValue>("ngte").Description("Not greater than or equal to the value.");
            Field<TValue>("lt").Description("Less than the value.");
            Field<TValue>("nlt").Description("Not less than the value.");
            Field<TValue>("lte").Description("Less than or equal to the value.");
            Field<TValue>("nlte").Description("Not less than or equal to the value.");
        }
    }

    private static string IgnoreCase(string what) =>
        $"{what}, in any case by Swedish rules (\"skåne\" finds \"Skåne\", \"ÖREBRO\" finds \"Örebro\"); å, ä and ö stay letters of their own, so \"skane\" does not. Kvk's extension of HotChocolate's operations.";
}

public sealed class StringOperationFilterInputType()
    : OperationFilterInputType<StringOperationFilterInputType, StringGraphType>("StringOperationFilterInput", "a text", comparable: false, text: true);

public sealed class IntOperationFilterInputType()
    : OperationFilterInputType<IntOperationFilterInputType, IntGraphType>("IntOperationFilterInput", "a whole number", comparable: true, text: false);

public sealed class DateTimeOperationFilterInputType()
    : OperationFilterInputType<DateTimeOperationFilterInputType, DateTimeType>("DateTimeOperationFilterInput", "a date and time", comparable: true, text: false);

public sealed class BooleanOperationFilterInputType : InputObjectGraphType
{
    public BooleanOperationFilterInputType()
    {
        Name = "BooleanOperationFilterInput";
        Description = "Conditions on a true/false value.";
        Field<BooleanGraphType>("eq").Description("Equal to the value.");
        Field<BooleanGraphType>("neq").Description("Not equal to the value.");
    }
}

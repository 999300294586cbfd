using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using GraphQLParser.AST;
using Kvk.Graph.Engine.Lists.Filtering;
using Kvk.Graph.Engine.Pipeline;

namespace Kvk.Graph.Engine.Schema;

/// <summary>
/// The complexity limit's weights, published in the schema with the directives HotChocolate uses (the IBM GraphQL
/// cost specification): <c>@listSize</c> on every list, saying what multiplies the cost of what is below it, and
/// <c>@cost</c> where a weight differs from 1 (a filter condition, a condition on a related list, a grouping). A
/// client can add up an operation's cost before sending it, or ask with <c>GraphQL-Cost: report|validate</c>.
/// </summary>
public static class PublishedCost
{
    public const string Cost = "cost";
    public const string ListSize = "listSize";

    /// <summary>What GraphQL.NET multiplies a list by when no <c>first</c>/<c>last</c> says how many: the limit's own default.</summary>
    public static readonly int AssumedListSize = (int)new GraphQL.Validation.Complexity.ComplexityOptions().DefaultListImpactMultiplier;

    public static void Apply(GraphQL.Types.Schema schema, QueryLimits limits)
    {
        schema.Directives.Register(new CostDirective());
        schema.Directives.Register(new ListSizeDirective());
        schema.RegisterVisitor(new Weights(limits));
    }

    private sealed class CostDirective : Directive
    {
        public CostDirective()
            : base(
                Cost,
                DirectiveLocation.ArgumentDefinition,
                DirectiveLocation.Enum,
                DirectiveLocation.FieldDefinition,
                DirectiveLocation.InputFieldDefinition,
                DirectiveLocation.Object,
                DirectiveLocation.Scalar)
        {
            Description = "The weight of a field, argument or input field in the cost limit (`GraphQL-Cost: report` shows an operation's). Without it a " +
                "field weighs 1 and an input field 0.";
            Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<StringGraphType>>
            {
                Name = "weight",
                Description = "The weight, as a number in a string.",
            });
        }

        public override bool? Introspectable => true;
    }

    private sealed class ListSizeDirective : Directive
    {
        public ListSizeDirective()
            : base(ListSize, DirectiveLocation.FieldDefinition)
        {
            Description = "How many items a list is counted as in the cost limit: the value of a slicing argument where one is given, else assumedSize.";
            Arguments = new QueryArguments(
                new QueryArgument<IntGraphType> { Name = "assumedSize", Description = "The count when no slicing argument is given." },
                new QueryArgument<ListGraphType<NonNullGraphType<StringGraphType>>>
                {
                    Name = "slicingArguments",
                    Description = "The arguments that say how many items are returned.",
                },
                new QueryArgument<ListGraphType<NonNullGraphType<StringGraphType>>>
                {
                    Name = "sizedFields",
                    Description = "The fields of a connection whose lists the count applies to.",
                },
                new QueryArgument<NonNullGraphType<BooleanGraphType>>
                {
                    Name = "requireOneSlicingArgument",
                    DefaultValue = true,
                    Description = "Whether exactly one slicing argument must be given.",
                });
        }

        public override bool? Introspectable => true;
    }

    private sealed class Weights(QueryLimits limits) : BaseSchemaNodeVisitor
    {
        private static readonly string[] ListConditions = ["some", "all", "none", "any", "count"];
        private static readonly string[] Slices = ["first", "last"];
        private static readonly string[] ConnectionLists = ["edges", "nodes"];

        public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
        {
            if (type.Name.StartsWith("__", StringComparison.Ordinal) || field.Name.StartsWith("__", StringComparison.Ordinal))
            {
                return;
            }

            var unwrapped = field.ResolvedType is NonNullGraphType nonNull ? nonNull.ResolvedType : field.ResolvedType;
            var connection = unwrapped?.Name?.EndsWith("Connection", StringComparison.Ordinal) == true;
            if (unwrapped is not ListGraphType && !connection)
            {
                return;
            }

            if (field.GetComplexityImpactDelegate() is not null)
            {
                return;
            }

            string[] slicing = [.. Slices.Where(name => field.Arguments?.Find(name) is not null)];
            field.ApplyDirective(ListSize, directive =>
            {
                directive.AddArgument(new DirectiveArgument("assumedSize") { Value = AssumedListSize });
                directive.AddArgument(new DirectiveArgument("slicingArguments") { Value = slicing });
                if (connection)
                {
                    directive.AddArgument(new DirectiveArgument("sizedFields") { Value = ConnectionLists });
                }

                directive.AddArgument(new DirectiveArgument("requireOneSlicingArgument") { Value = false });
            });
        }

        public override void VisitInputObjectFieldDefinition(FieldType field, IInputObjectGraphType type, ISchema schema)
        {
            if (type.Name.EndsWith("OperationFilterInput", StringComparison.Ordinal) && field.Name is not (FilterOperators.And or FilterOperators.Or))
            {
                field.ApplyDirective(Cost, "weight", limits.FilterConditionCost.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (type.Name.EndsWith("FilterInput", StringComparison.Ordinal) && ListConditions.Contains(field.Name))
            {
                field.ApplyDirective(Cost, "weight", limits.ListFilterCost.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}

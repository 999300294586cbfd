using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Kvk.Graph.Engine.Profiling;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// Turns a request's variables and the document's literals into argument values for a document that was
/// validated before (<see cref="ParsedDocumentCache"/>) and has no per-request rule left to run. GraphQL.NET's
/// validator walks the whole document twice on every request to do this, once to find where each variable
/// is used and once to find each field's definition: a quarter of the host's time for a cache-missing
/// read. Both walks depend on the document alone, so this walks it once and keeps the fields with
/// arguments. A document with directives or a variable that is not a scalar, and any request this cannot
/// coerce as GraphQL.NET does (a null, a default, a value its scalar refuses), goes to GraphQL.NET's
/// validator, which also gives the error.
/// </summary>
/// <param name="inner">GraphQL.NET's validator, for everything else.</param>
/// <param name="profile">Times each validation, when the request profile is enabled.</param>
public sealed class CachedDocumentValidator(IDocumentValidator inner, RequestProfile? profile = null) : IDocumentValidator
{
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, Plan?> _plans = [];

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options) => profile is null ? Validate(options) : TimedAsync(options, profile);

    private async Task<IValidationResult> TimedAsync(ValidationOptions options, RequestProfile profile)
    {
        var started = RequestProfile.Now();
        try
        {
            return await Validate(options);
        }
        finally
        {
            profile.Add(ProfilePhase.Validation, started);
        }
    }

    private Task<IValidationResult> Validate(in ValidationOptions options)
    {
        var (schema, document) = (options.Schema, options.Document);
        if (options.Rules is not { } rules || rules.Any()
            || _plans.GetValue(options.Operation, operation => Plan.Of(schema, document, operation)) is not { } plan
            || Coerce(plan, options) is not { } result)
        {
            return inner.ValidateAsync(options);
        }

        return Task.FromResult<IValidationResult>(result);
    }

    private static ValidationResult? Coerce(Plan plan, in ValidationOptions options)
    {
        var variables = plan.Variables.Count == 0 ? Variables.None : new Variables();
        foreach (var (definition, type) in plan.Variables)
        {
            var name = definition.Variable.Name.StringValue;
            if (!options.Variables.TryGetValue(name, out var input))
            {
                if (type is NonNullGraphType || definition.DefaultValue is not null)
                {
                    return null;
                }

                variables.Add(new Variable(name, definition));
                continue;
            }

            if (input is null || ParseScalar(type, input) is not { } value)
            {
                return null;
            }

            variables.Add(new Variable(name, definition) { Value = value });
        }

        var arguments = new Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>(plan.Fields.Count);
        try
        {
            foreach (var (field, definitions) in plan.Fields)
            {
                if (ExecutionHelper.GetArguments(definitions, field.Arguments, variables, options.Document, field, null) is { } values)
                {
                    arguments.Add(field, values);
                }
            }
        }
        catch (ValidationError)
        {
            return null;
        }

        return new ValidationResult([]) { Variables = variables, ArgumentValues = arguments.Count == 0 ? null : arguments };
    }

    private static object? ParseScalar(IGraphType type, object input)
    {
        try
        {
            return ((ScalarGraphType)(type is NonNullGraphType nonNull ? nonNull.ResolvedType! : type)).ParseValue(input);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>What coercing an operation's arguments needs of its document: its scalar variables and its fields with arguments.</summary>
    private sealed record Plan(
        IReadOnlyList<(GraphQLVariableDefinition Definition, IGraphType Type)> Variables,
        IReadOnlyList<(GraphQLField Field, QueryArguments? Definitions)> Fields)
    {
        public static Plan? Of(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
        {
            var variables = new List<(GraphQLVariableDefinition, IGraphType)>();
            foreach (var definition in operation.Variables?.Items ?? [])
            {
                if (definition.Type.GraphTypeFromType(schema) is not { } type
                    || (type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is not ScalarGraphType)
                {
                    return null;
                }

                variables.Add((definition, type));
            }

            var root = operation.Operation switch
            {
                OperationType.Query => schema.Query,
                OperationType.Mutation => schema.Mutation,
                _ => null,
            };
            var fields = new List<(GraphQLField, QueryArguments?)>();
            return root is not null && operation.Directives is not { Count: > 0 } && Collect(schema, document, root, operation.SelectionSet, fields, [])
                ? new Plan(variables, fields)
                : null;
        }

        /// <summary>Adds the fields with arguments under <paramref name="selections"/>; false where this cannot follow the document.</summary>
        private static bool Collect(
            ISchema schema,
            GraphQLDocument document,
            IComplexGraphType type,
            GraphQLSelectionSet selections,
            List<(GraphQLField, QueryArguments?)> fields,
            HashSet<string> visitedFragments)
        {
            foreach (var selection in selections.Selections)
            {
                if (selection is IHasDirectivesNode { Directives.Count: > 0 })
                {
                    return false;
                }

                var followed = selection switch
                {
                    GraphQLField field => Field(schema, document, type, field, fields, visitedFragments),
                    GraphQLInlineFragment inline => Within(
                        schema,
                        document,
                        inline.TypeCondition?.Type.Name.StringValue,
                        type,
                        inline.SelectionSet,
                        fields,
                        visitedFragments),
                    GraphQLFragmentSpread spread => !visitedFragments.Add(spread.FragmentName.Name.StringValue)
                        || (document.Definitions.OfType<GraphQLFragmentDefinition>()
                                .FirstOrDefault(f => f.FragmentName.Name == spread.FragmentName.Name) is { Directives: not { Count: > 0 } } fragment
                            && Within(schema, document, fragment.TypeCondition.Type.Name.StringValue, type, fragment.SelectionSet, fields, visitedFragments)),
                    _ => false,
                };
                if (!followed)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Field(
            ISchema schema,
            GraphQLDocument document,
            IComplexGraphType type,
            GraphQLField field,
            List<(GraphQLField, QueryArguments?)> fields,
            HashSet<string> visitedFragments)
        {
            var name = field.Name.StringValue;
            var definition = name == schema.TypeMetaFieldType.Name ? schema.TypeMetaFieldType
                : name == schema.TypeNameMetaFieldType.Name ? schema.TypeNameMetaFieldType
                : name == schema.SchemaMetaFieldType.Name ? schema.SchemaMetaFieldType
                : type.Fields.Find(name);
            if (definition is null)
            {
                return false;
            }

            if (field.Arguments is { Count: > 0 })
            {
                fields.Add((field, definition.Arguments));
            }

            return field.SelectionSet is null
                || (definition.ResolvedType?.GetNamedType() is IComplexGraphType child && Collect(
                    schema,
                    document,
                    child,
                    field.SelectionSet,
                    fields,
                    visitedFragments));
        }

        private static bool Within(
            ISchema schema,
            GraphQLDocument document,
            string? typeCondition,
            IComplexGraphType type,
            GraphQLSelectionSet selections,
            List<(GraphQLField, QueryArguments?)> fields,
            HashSet<string> visitedFragments) =>
            (typeCondition is null ? type : schema.AllTypes[typeCondition]?.GetNamedType()) is IComplexGraphType inner
            && Collect(schema, document, inner, selections, fields, visitedFragments);
    }
}

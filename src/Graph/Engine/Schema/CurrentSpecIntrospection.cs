using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;
using GraphQLParser.AST;

namespace Kvk.Graph.Engine.Schema;

/// <summary>
/// Introspection as the current GraphQL spec defines it, so that what graphql-js 16's <c>getIntrospectionQuery</c>
/// asks with every option on (<c>specifiedByURL</c>, <c>isRepeatable</c>, <c>includeDeprecated</c> on arguments and
/// input fields, the schema's description) is answered. GraphQL.NET 8 keeps most of it behind experimental switches
/// and has no <c>@specifiedBy</c>; this adds the directive and the <c>__Type.specifiedByURL</c> field that reads it.
/// </summary>
public static class CurrentSpecIntrospection
{
    public const string SpecifiedBy = "specifiedBy";

    public static void Enable(GraphQL.Types.Schema schema)
    {
        schema.Features.AppliedDirectives = true;
        schema.Features.RepeatableDirectives = true;
        schema.Features.DeprecationOfInputValues = true;
        schema.Directives.Register(new SpecifiedByDirective
        {
            Description = "Exposes a URL that specifies the behaviour of this scalar.",
            Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<StringGraphType>>
            {
                Name = "url",
                Description = "The URL that specifies the behaviour of this scalar.",
            }),
        });
        schema.RegisterVisitor(new SpecifiedByUrlField());
    }

    /// <summary>
    /// <c>__Directive.args(includeDeprecated:)</c>, which GraphQL.NET 8 offers on fields but not on directives: the
    /// same arguments, with the deprecated ones left out unless asked for.
    /// </summary>
    private static void DirectiveArgumentsIncludeDeprecated(FieldType args, ISchema schema)
    {
        if (args.Arguments?.Find("includeDeprecated") is not null)
        {
            return;
        }

        var all = args.Resolver!;
        args.Arguments = new QueryArguments(new QueryArgument(new BooleanGraphType())
        {
            Name = "includeDeprecated",
            ResolvedType = schema.AllTypes["Boolean"],
            DefaultValue = false,
        });
        args.Resolver = new FuncFieldResolver<object?>(async context =>
        {
            var arguments = await all.ResolveAsync(context);
            return context.GetArgument<bool>("includeDeprecated") || arguments is not IEnumerable<QueryArgument> list
                ? arguments
                : list.Where(a => a.DeprecationReason is null).ToList();
        });
    }

    /// <summary>The URL a scalar's <c>@specifiedBy</c> gives, or null.</summary>
    public static string? SpecifiedByUrl(IGraphType type) =>
        type is ScalarGraphType scalar && scalar.FindAppliedDirective(SpecifiedBy)?.FindArgument("url")?.Value is string url ? url : null;

    /// <summary>A type-system directive, shown by introspection like the spec's own.</summary>
    private sealed class SpecifiedByDirective() : Directive(SpecifiedBy, DirectiveLocation.Scalar)
    {
        public override bool? Introspectable => true;
    }

    private sealed class SpecifiedByUrlField : BaseSchemaNodeVisitor
    {
        public override void VisitObject(IObjectGraphType type, ISchema schema)
        {
            if (type.Name == "__Directive")
            {
                DirectiveArgumentsIncludeDeprecated(type.GetField("args")!, schema);
            }

            if (type.Name == "__Type" && !type.HasField("specifiedByURL"))
            {
                type.AddField(new FieldType
                {
                    Name = "specifiedByURL",
                    Description = "The URL that specifies the behaviour of a scalar, from its @specifiedBy directive.",
                    ResolvedType = schema.AllTypes["String"],
                    Resolver = new FuncFieldResolver<object?>(context => context.Source is IGraphType t ? SpecifiedByUrl(t) : null),
                });
            }
        }
    }
}

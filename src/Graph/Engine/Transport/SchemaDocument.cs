using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using GraphQLParser.AST;
using GraphQLParser.Visitors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Engine.Transport;

/// <summary>The served schema as SDL, what a GraphQL tool asks for first: <c>GET /graphql?sdl</c> or <c>GET /graphql/schema.graphql</c>.</summary>
public static class SchemaDocument
{
    public const string Path = GraphQLEndpoint.Path + "/schema.graphql";

    private static readonly ConditionalWeakTable<ISchema, string> Printed = [];

    /// <summary>
    /// The schema's SDL with its descriptions, printed once per schema: the root types first, then every other type
    /// by name, so that the published file changes only where the schema does.
    /// </summary>
    public static string Of(ISchema schema) => Printed.GetValue(schema, Print);

    private static string Print(ISchema schema)
    {
        var document = schema.ToAST();
        // Built into the spec like @deprecated: tools know it, and graphql-js leaves it out of the SDL it prints.
        document.Definitions =
        [
            .. document.Definitions.Where(d => d is not GraphQLDirectiveDefinition { Name.StringValue: Schema.CurrentSpecIntrospection.SpecifiedBy }),
        ];
        var roots = new[] { schema.Query.Name, schema.Mutation?.Name, schema.Subscription?.Name };
        document.Definitions = [.. document.Definitions.OrderBy(d => d switch
        {
            GraphQLSchemaDefinition => (0, ""),
            GraphQLTypeDefinition type when Array.IndexOf(roots, type.Name.StringValue) is var root and >= 0 => (1 + root, ""),
            GraphQLDirectiveDefinition directive => (4, directive.Name.StringValue),
            GraphQLTypeDefinition type => (5, type.Name.StringValue),
            _ => (6, ""),
        }, Comparer<(int, string)>.Create((a, b) => a.Item1 != b.Item1 ? a.Item1.CompareTo(b.Item1) : string.CompareOrdinal(a.Item2, b.Item2)))];
        return new SDLPrinter().Print(document).ReplaceLineEndings("\n") + "\n";
    }

    public static async Task WriteAsync(HttpContext context)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "public, max-age=300";
        await context.Response.WriteAsync(Of(context.RequestServices.GetRequiredService<ISchema>()), context.RequestAborted);
    }
}

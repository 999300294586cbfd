using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Engine.Transport;

/// <summary>The served schema as SDL, what a GraphQL tool asks for first: <c>GET /graphql?sdl</c> or <c>GET /graphql/schema.graphql</c>.</summary>
public static class SchemaDocument
{
    public const string Path = GraphQLEndpoint.Path + "/schema.graphql";

    private static readonly ConditionalWeakTable<ISchema, string> Printed = [];

    /// <summary>The schema's SDL with its descriptions, printed once per schema.</summary>
    public static string Of(ISchema schema) => Printed.GetValue(schema, s => s.Print(new PrintOptions { IncludeDescriptions = true }));

    public static async Task WriteAsync(HttpContext context)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "public, max-age=300";
        await context.Response.WriteAsync(Of(context.RequestServices.GetRequiredService<ISchema>()), context.RequestAborted);
    }
}

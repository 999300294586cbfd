using System.Net;
using Kvk.Graph.Engine.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Engine.Transport;

/// <summary>
/// GraphiQL for a browser at <c>GET /graphql</c> (Accept: text/html), served offline: its scripts and styles are the
/// host's own npm packages (<c>src/Graph/GraphiQL/</c>), installed and copied beside the host by its build
/// (<c>src/Graph/GraphiQL.targets</c>).
/// </summary>
public static class GraphiQLPage
{
    public const string AssetsPath = GraphQLEndpoint.Path + "/assets";
    public const string Folder = "graphiql";

    /// <summary>The files the page needs, as copied out of node_modules.</summary>
    public static readonly IReadOnlyList<string> Assets = ["react.production.min.js", "react-dom.production.min.js", "graphiql.min.js", "graphiql.min.css"];

    /// <summary>The page's own script and style, served as files so that its policy allows no inline script or style.</summary>
    private const string StartScript = "kvk-graphiql.js";
    private const string PageStyle = "kvk-graphiql.css";

    /// <summary>
    /// Scripts, styles, fonts and images from this origin only (GraphiQL's stylesheet carries its icons as <c>data:</c>
    /// URLs), requests to this origin only (<c>'self'</c> covers the WebSocket of subscriptions); no inline script.
    /// </summary>
    public static readonly ContentSecurityPolicy ContentSecurityPolicy = ContentSecurityPolicy.Allowing(
        "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self' data:", "connect-src 'self'", "form-action 'none'");

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    private static string AssetFolder => Path.Combine(AppContext.BaseDirectory, Folder);

    public static void MapGraphiQLAssets(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(AssetsPath + "/{file}", (string file, HttpContext context) =>
        {
            if (file is StartScript or PageStyle)
            {
                context.Response.Headers.CacheControl = "public, max-age=86400";
                return Results.Text(file == StartScript ? Start : Style, ContentTypes[Path.GetExtension(file)]);
            }

            if (!Assets.Contains(file) || !File.Exists(Path.Combine(AssetFolder, file)))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.File(Path.Combine(AssetFolder, file), ContentTypes[Path.GetExtension(file)]);
        }).WithAdmission(AdmissionPolicy.StaticAsset);

    public static async Task WriteAsync(HttpContext context)
    {
        var missing = Assets.Where(a => !File.Exists(Path.Combine(AssetFolder, a))).ToList();
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.Vary = "Accept";
        if (missing.Count > 0)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync(MissingAssets(missing), context.RequestAborted);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        await context.Response.WriteAsync(Page(Opened(context)), context.RequestAborted);
    }

    /// <summary>
    /// What the address asks GraphiQL to open: a document by its text (<c>query</c>) or a shipped one by its id
    /// (<c>documentId</c>, as the explorer's "query behind this page" links it), with its <c>variables</c>; so that the same
    /// link answers JSON to a program and opens the query, ready to run, in a browser.
    /// </summary>
    private static (string? Query, string? Variables) Opened(HttpContext context)
    {
        var parameters = context.Request.Query;
        var query = parameters["query"].Count == 1 ? parameters["query"].ToString() : null;
        if (query is null && parameters["documentId"].Count == 1)
        {
            query = context.RequestServices.GetRequiredService<PersistedDocumentRegistry>().Find(parameters["documentId"].ToString());
        }

        return (query, parameters["variables"].Count == 1 ? parameters["variables"].ToString() : null);
    }

    private static string MissingAssets(IEnumerable<string> missing) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Kvk GraphQL: GraphiQL not installed</title></head>
        <body>
        <h1>GraphiQL is not installed</h1>
        <p>The GraphQL endpoint works (POST <code>{{GraphQLEndpoint.Path}}</code> with <code>application/json</code>), but the in-browser IDE's
        files are missing beside the host: {{WebUtility.HtmlEncode(string.Join(", ", missing))}}.</p>
        <p>The host's build installs them with npm, which was missing (or failed) when the host was built: install Node.js and npm
        (Debian: <code>apt-get install nodejs npm</code>), then start the host again from the repository root
        (<code>dotnet run --project src/Graph</code>); it builds and installs them.</p>
        </body></html>
        """;

    /// <summary>The page, the document to open and its variables in attributes of GraphiQL's element (the policy allows no inline script).</summary>
    private static string Page((string? Query, string? Variables) opened) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Kvk GraphQL</title>
          <link rel="stylesheet" href="{{AssetsPath}}/graphiql.min.css">
          <link rel="stylesheet" href="{{AssetsPath}}/{{PageStyle}}">
        </head>
        <body>
          <div id="graphiql"{{Attribute("data-query", opened.Query)}}{{Attribute("data-variables", opened.Variables)}}>Loading GraphiQL…</div>
          <script src="{{AssetsPath}}/react.production.min.js"></script>
          <script src="{{AssetsPath}}/react-dom.production.min.js"></script>
          <script src="{{AssetsPath}}/graphiql.min.js"></script>
          <script src="{{AssetsPath}}/{{StartScript}}"></script>
        </body>
        </html>
        """;

    private static string Attribute(string name, string? value) => value is null ? "" : $" {name}=\"{WebUtility.HtmlEncode(value)}\"";

    private const string Style = "html, body, #graphiql { height: 100%; margin: 0; }\n";

    private const string Start = $$"""
        const url = new URL('{{GraphQLEndpoint.Path}}', location.href);
        const subscriptionUrl = url.href.replace(/^http/, 'ws');
        const fetcher = GraphiQL.createFetcher({ url: url.href, subscriptionUrl });
        const defaultQuery = '# Sveriges KvalitetsKommun: the latest award\n{\n  awards(first: 1) {\n    nodes { year recipientName motivation }\n  }\n}\n';
        const element = document.getElementById('graphiql');
        const opened = element.dataset.query === undefined ? {} : { query: element.dataset.query, variables: element.dataset.variables };
        ReactDOM.createRoot(element)
          .render(React.createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: true, ...opened }));

        """;
}

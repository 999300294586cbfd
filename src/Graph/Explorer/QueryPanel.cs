using System.Text.Json;
using Kvk.Graph.Engine.Lists.Filtering;

namespace Kvk.Graph.Explorer;

/// <summary>
/// A list the downloads serve (<c>/download/{list}.csv</c> and <c>.xlsx</c>, named as the schema's root field), with the
/// <c>where</c> that selects what a page shows: exactly the list's GraphQL <c>where</c> argument, as JSON.
/// </summary>
public sealed record ExplorerDownload(string List, object? Where = null)
{
    public string Link(string format)
    {
        var where = Where is null ? "" : "?where=" + Uri.EscapeDataString(JsonSerializer.Serialize(Where, ExplorerOperation.Json));
        return $"/download/{List}.{format}{where}";
    }

    /// <summary><c>{ "field": { "eq": value } }</c>.</summary>
    public static Dictionary<string, object?> Equal(string field, object? value) =>
        new(StringComparer.Ordinal) { [field] = new Dictionary<string, object?> { [FilterOperators.Eq] = value } };
}

/// <summary>
/// "Show the query": folded away at the foot of a page, the GraphQL document and the variables that made it, a link
/// that runs the same document on the API (<c>GET /graphql?documentId=…&amp;variables=…</c>: JSON to a program, GraphiQL
/// with the document opened to a browser), and the same data as CSV and Excel.
/// </summary>
public static class QueryPanel
{
    public static Html Render(
        ExplorerLanguage language,
        ExplorerOperation operation,
        string document,
        string documentId,
        IReadOnlyList<ExplorerDownload> downloads)
    {
        var variables = operation.VariablesJson;
        var run = "/graphql?documentId=" + Uri.EscapeDataString(documentId) + (variables is null ? "" : "&variables=" + Uri.EscapeDataString(variables));
        var links = downloads.Select(d => Html.Of($"""
            <li>{language.ListName(d.List)}: <a href="{d.Link("csv")}">CSV</a> · <a href="{d.Link("xlsx")}">Excel (.xlsx)</a></li>
            """));
        var code = Html.Of($"<code lang=\"en\">{document.TrimEnd()}</code>");
        return Html.Of($"""
            <details class="query">
            <summary>{language.QueryHeading}</summary>
            <p>{language.QueryIntro}</p>
            <div class="code" role="region" tabindex="0" aria-label="{language.QueryDocumentLabel}"><pre class="document">{code}</pre></div>
            {Html.If(
                variables is not null,
                $"<p>{language.QueryVariablesLabel}</p><div class=\"code\" role=\"region\" tabindex=\"0\" aria-label=\"{language.QueryVariablesLabel}\">" +
                $"<pre class=\"variables\"><code>{variables}</code></pre></div>")}
            <ul class="query-links">
            <li><a class="run" href="{run}">{language.QueryRunLink}</a></li>
            {links}
            </ul>
            </details>
            """);
    }
}

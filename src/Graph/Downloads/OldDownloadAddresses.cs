using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GraphQL.Types;
using Kvk.Graph.Engine.Lists;
using Kvk.Graph.Engine.Lists.Filtering;

namespace Kvk.Graph.Downloads;

/// <summary>
/// The addresses downloads had before <c>/download/</c>, kept as permanent redirects (308): <c>/export/{list}.csv</c>,
/// <c>/export/</c> (the index) and <c>/spreadsheet/{list}.{csv,xlsx}</c>. The spreadsheet's shortcut parameters
/// (<c>municipality.county.code=12</c>, an equality on a value path) are written into the new address's <c>where</c>;
/// one that is no path of the list's filter, or one given twice, is a 400 that names the new form.
/// </summary>
public static class OldDownloadAddresses
{
    private static readonly HashSet<string> Passed = ["columns", "where", "order", "separator"];

    public static void MapOldDownloadAddresses(this IEndpointRouteBuilder endpoints, IReadOnlyList<ListRoot> lists)
    {
        endpoints.MapGet("/export/", () => Results.Redirect(Downloads.Path, permanent: true, preserveMethod: true));
        endpoints.MapGet("/export/{file}", (string file, HttpContext context) =>
            Results.Redirect(Downloads.Path + Uri.EscapeDataString(file) + context.Request.QueryString, permanent: true, preserveMethod: true));
        endpoints.MapGet("/spreadsheet/{file}", async (string file, HttpContext context) =>
        {
            try
            {
                var list = lists.FirstOrDefault(l => l.Field == Path.GetFileNameWithoutExtension(file))?.Field;
                var query = list is null ? context.Request.QueryString.Value ?? "" : Translated(context, list);
                await Results.Redirect(Downloads.Path + Uri.EscapeDataString(file) + query, permanent: true, preserveMethod: true).ExecuteAsync(context);
            }
            catch (DownloadRequestException e)
            {
                await Downloads.WriteErrorAsync(context, StatusCodes.Status400BadRequest, e.Code, e.Message);
            }
        });
    }

    /// <summary>The query string of the new address: the parameters it shares as they were, the shortcuts in <c>where</c>.</summary>
    private static string Translated(HttpContext context, string list)
    {
        var query = context.Request.Query;
        var shortcuts = query.Where(q => !Passed.Contains(q.Key)).ToList();
        var kept = query.Where(q => Passed.Contains(q.Key) && (shortcuts.Count == 0 || q.Key != "where"))
            .SelectMany(q => q.Value.Select(v => (q.Key, Value: v ?? ""))).ToList();
        if (shortcuts.Count > 0)
        {
            var schema = context.RequestServices.GetRequiredService<ISchema>();
            var filter = (IInputObjectGraphType)schema.Query.GetField(list)!.Arguments!.Find("where")!.ResolvedType!;
            var conditions = new JsonArray();
            if (query.TryGetValue("where", out var where))
            {
                if (where.Count > 1)
                {
                    throw new DownloadRequestException("`where` is given twice; give it once (to combine filters, use `and` in where).");
                }

                try
                {
                    conditions.Add(JsonNode.Parse(where.ToString()));
                }
                catch (System.Text.Json.JsonException)
                {
                    throw new DownloadRequestException("`where` is not valid JSON: give the list's where argument as JSON, e.g. " +
                        $"/download/{list}.csv?where={{\"year\": {{\"gte\": 2015}}}}.");
                }
            }

            foreach (var (name, values) in shortcuts)
            {
                if (values.Count > 1)
                {
                    throw new DownloadRequestException($"`{name}` is given {values.Count} times; give it once. Downloads are at /download/{list}.csv with " +
                        $"where as JSON, e.g. where={{\"or\": [{Equality(filter, name, values[0] ?? "")?.ToJsonString()}, …]}}.");
                }

                conditions.Add(Equality(filter, name, values.ToString())
                    ?? throw new DownloadRequestException($"Unknown parameter `{name}`: it is no value of {list} to filter by. Downloads are at " +
                        $"/download/{list}.csv, filtered with the list's where as JSON, e.g. where={{\"municipality\": {{\"county\": {{\"code\": " +
                        "{\"eq\": \"12\"}}}}."));
            }

            kept.Add(("where", (conditions.Count == 1 ? conditions[0]! : new JsonObject { ["and"] = conditions }).ToJsonString()));
        }

        if (kept.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder("?");
        text.AppendJoin('&', kept.Select(k => Uri.EscapeDataString(k.Key) + "=" + Uri.EscapeDataString(k.Value)));
        return text.ToString();
    }

    /// <summary>"municipality.county.code" = "12" as the filter's JSON, the value typed as the filter takes it; null when the path is no value of the
    /// filter.</summary>
    private static JsonObject? Equality(IInputObjectGraphType filter, string path, string text)
    {
        var names = path.Split('.');
        var type = filter;
        foreach (var name in names[..^1])
        {
            if (type.GetField(name)?.ResolvedType is not { } inner
                || DownloadColumns.Unwrap(inner).Named is not IInputObjectGraphType next
                || next.Name.EndsWith("OperationFilterInput", StringComparison.Ordinal))
            {
                return null;
            }

            type = next;
        }

        if (type.GetField(names[^1])?.ResolvedType is not { } leaf
            || DownloadColumns.Unwrap(leaf).Named is not IInputObjectGraphType operations
            || !operations.Name.EndsWith("OperationFilterInput", StringComparison.Ordinal))
        {
            return null;
        }

        JsonNode? value = operations.Name switch
        {
            "IntOperationFilterInput" when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
            "BooleanOperationFilterInput" when bool.TryParse(text, out var flag) => flag,
            _ => text,
        };
        var condition = new JsonObject { [FilterOperators.Eq] = value };
        for (var i = names.Length - 1; i >= 0; i--)
        {
            condition = new JsonObject { [names[i]] = condition };
        }

        return condition;
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Kvk.Graph.Downloads;

/// <summary>A download's refusal of its own parameters (not the API's): a 400 with this message and code.</summary>
public sealed class DownloadRequestException(string message, string code = DownloadRequestException.InvalidDownload) : Exception(message)
{
    public const string InvalidDownload = "INVALID_DOWNLOAD";

    public string Code { get; } = code;
}

/// <summary>One column: its header (the output field path as asked, "municipality.county.code") and the path's field names.</summary>
public sealed record DownloadColumn(string Path, IReadOnlyList<string> Names);

/// <summary>
/// The columns of a download and the GraphQL document that asks for them. The columns are output field paths of the
/// list's node type: asked in <c>columns</c> (the document is written from them), or the selection of the list's
/// persisted document. A path that returns to a type already on it (<c>round.award.round</c>) is refused here, so
/// that no document with a cycle is ever written; a field the type does not have is left to the API's validation,
/// which words it as it does for any client.
/// </summary>
public static partial class DownloadColumns
{
    /// <summary>The page a download asks for: the API's largest.</summary>
    public const int PageSize = 100;

    [GeneratedRegex("^[_A-Za-z][_0-9A-Za-z]*$")]
    private static partial Regex Name();

    /// <summary>The node type of a root list (<c>awards</c> → <c>Award</c>), through its connection's <c>nodes</c>.</summary>
    public static IComplexGraphType NodeType(ISchema schema, string list) =>
        (IComplexGraphType)Unwrap(((IComplexGraphType)Unwrap(schema.Query.GetField(list)!.ResolvedType!).Named).GetField("nodes")!.ResolvedType!).Named;

    /// <summary>The columns asked in <c>columns</c>: comma-separated field paths, each a path of GraphQL names, none twice, none through a cycle.</summary>
    public static IReadOnlyList<DownloadColumn> Read(string text, IComplexGraphType node)
    {
        var columns = new List<DownloadColumn>();
        foreach (var path in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var names = path.Split('.');
            if (path.Length == 0 || names.Any(n => !Name().IsMatch(n)))
            {
                throw new DownloadRequestException($"`columns`: `{path}` is not a field path: give output fields of {node.Name} joined by dots, e.g. " +
                    "`municipality.name`, the columns separated by commas.");
            }

            if (columns.Any(c => c.Path == path))
            {
                throw new DownloadRequestException($"`columns`: `{path}` is given twice; give each column once.");
            }

            RefuseCycle(node, names, path);
            columns.Add(new DownloadColumn(path, names));
        }

        return columns;
    }

    /// <summary>A path through types: a type met twice on it is a cycle, and refused.</summary>
    private static void RefuseCycle(IComplexGraphType node, string[] names, string path)
    {
        var seen = new List<string> { node.Name };
        IGraphType? type = node;
        foreach (var name in names)
        {
            if ((type as IComplexGraphType)?.GetField(name)?.ResolvedType is not { } fieldType)
            {
                return; // Not a field of the type: the API's validation says so.
            }

            type = Unwrap(fieldType).Named;
            if (type is IComplexGraphType && seen.Contains(type.Name))
            {
                throw new DownloadRequestException(
                    $"`columns`: `{path}` returns to {type.Name} ({string.Join(" → ", seen)} → {type.Name}): " +
                    $"a column may not follow a relation back to a type already on its path; ask for the field on the first {type.Name}.");
            }

            seen.Add(type.Name);
        }
    }

    /// <summary>
    /// The document of a download of <paramref name="list"/> with these columns: the list's page with the
    /// download's variables, the page's <c>pageInfo</c>, and <c>meta</c> for the file's name and date.
    /// </summary>
    public static string Document(ISchema schema, string list, IReadOnlyList<DownloadColumn> columns)
    {
        var field = schema.Query.GetField(list)!;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"query {char.ToUpperInvariant(list[0])}{list[1..]}($after: String, $where: ");
        text.Append(CultureInfo.InvariantCulture, $"{Print(field.Arguments!.Find("where")!.ResolvedType!)}, $order: ");
        text.Append(CultureInfo.InvariantCulture, $"{Print(field.Arguments!.Find("order")!.ResolvedType!)}) {{\n");
        text.Append("  meta {\n    dataVersion\n    lastRecordedAt\n  }\n");
        text.Append(CultureInfo.InvariantCulture, $"  {list}(first: {PageSize}, after: $after, where: $where, order: $order) {{\n");
        text.Append("    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n");
        Selection(text, [.. columns.Select(c => c.Names)], 3);
        text.Append("    }\n  }\n}\n");
        return text.ToString();
    }

    private static void Selection(StringBuilder text, IReadOnlyList<IReadOnlyList<string>> paths, int depth)
    {
        var indent = new string(' ', depth * 2);
        foreach (var group in paths.GroupBy(p => p[0]))
        {
            if (group.Any(p => p.Count == 1))
            {
                text.Append(CultureInfo.InvariantCulture, $"{indent}{group.Key}\n");
            }

            var deeper = group.Where(p => p.Count > 1).Select(p => (IReadOnlyList<string>)[.. p.Skip(1)]).ToList();
            if (deeper.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{indent}{group.Key} {{\n");
                Selection(text, deeper, depth + 1);
                text.Append(CultureInfo.InvariantCulture, $"{indent}}}\n");
            }
        }
    }

    /// <summary>
    /// The columns of a persisted download document: every field of the list's <c>nodes</c> without a selection, by its
    /// path; an object is followed into its fields, a list of objects is one column (its items in one cell).
    /// </summary>
    public static IReadOnlyList<DownloadColumn> Of(string document, ISchema schema, string list) =>
        Defaults.GetOrCreateValue(schema).GetOrAdd((list, document), key => Read(key.Document, schema, key.List));

    /// <summary>The columns of each shipped document, read once per schema: a whole-list download is asked again and again.</summary>
    private static readonly ConditionalWeakTable<ISchema, ConcurrentDictionary<(string List, string Document), IReadOnlyList<DownloadColumn>>> Defaults = new();

    private static List<DownloadColumn> Read(string document, ISchema schema, string list)
    {
        var operation = GraphQLParser.Parser.Parse(document).Definitions.OfType<GraphQLOperationDefinition>().Single();
        var listField = Fields(operation.SelectionSet).Single(f => f.Name.StringValue == list);
        var nodes = Fields(listField.SelectionSet!).Single(f => f.Name.StringValue == "nodes");
        var columns = new List<DownloadColumn>();
        Collect(nodes.SelectionSet!, NodeType(schema, list), [], columns);
        return columns;
    }

    private static void Collect(GraphQLSelectionSet selection, IComplexGraphType type, List<string> prefix, List<DownloadColumn> columns)
    {
        foreach (var field in Fields(selection))
        {
            var names = new List<string>(prefix) { field.Name.StringValue };
            var (named, isList) = Unwrap(type.GetField(field.Name.StringValue)!.ResolvedType!);
            if (field.SelectionSet is { } inner && !isList)
            {
                Collect(inner, (IComplexGraphType)named, names, columns);
            }
            else
            {
                columns.Add(new DownloadColumn(string.Join('.', names), names));
            }
        }
    }

    private static IEnumerable<GraphQLField> Fields(GraphQLSelectionSet selection) => selection.Selections.OfType<GraphQLField>();

    /// <summary>A type without its wrappers, and whether a list was among them.</summary>
    public static (IGraphType Named, bool IsList) Unwrap(IGraphType type)
    {
        var isList = false;
        while (true)
        {
            switch (type)
            {
                case NonNullGraphType nonNull:
                    type = nonNull.ResolvedType!;
                    break;
                case ListGraphType listType:
                    isList = true;
                    type = listType.ResolvedType!;
                    break;
                default:
                    return (type, isList);
            }
        }
    }

    private static string Print(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Print(nonNull.ResolvedType!) + "!",
        ListGraphType list => "[" + Print(list.ResolvedType!) + "]",
        _ => type.Name,
    };

    /// <summary>
    /// A row's cell, read from the node as the API's JSON gives it: a value as it is (a number, true/false, an enum
    /// value, a date or time as the API's scalar writes it); through a list, the items' values joined by "; "; an
    /// object in one cell (a list's item) as its first value with the rest in parentheses and a web address last:
    /// "title (publisher, published on) url".
    /// </summary>
    public static DownloadCell Cell(JsonElement node, DownloadColumn column)
    {
        var values = new List<JsonElement>();
        var throughList = false;
        Collect(node, column.Names, 0, values, ref throughList);
        if (!throughList)
        {
            return values.Count == 1 && values[0].ValueKind != JsonValueKind.Null ? new DownloadCell(values[0]) : DownloadCell.Empty;
        }

        return new DownloadCell(string.Join("; ", values.Where(v => v.ValueKind != JsonValueKind.Null).Select(Text)));
    }

    private static void Collect(JsonElement value, IReadOnlyList<string> names, int at, List<JsonElement> values, ref bool throughList)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            throughList = true;
            foreach (var item in value.EnumerateArray())
            {
                Collect(item, names, at, values, ref throughList);
            }
        }
        else if (at == names.Count)
        {
            values.Add(value);
        }
        else if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(names[at], out var inner))
        {
            Collect(inner, names, at + 1, values, ref throughList);
        }
    }

    /// <summary>A value as text: as the API's JSON writes it, an object as "first (rest, …) url", a list's items joined by ", ".</summary>
    public static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Select(Text)),
        JsonValueKind.Object => Item(value),
        _ => value.GetRawText(),
    };

    private static string Item(JsonElement value)
    {
        var parts = value.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null
            && p.Name != "url").Select(p => Text(p.Value)).Where(t => t.Length > 0).ToList();
        var url = value.TryGetProperty("url", out var address) && address.ValueKind == JsonValueKind.String ? " " + address.GetString() : "";
        return parts.Count == 0 ? url.Trim()
            : parts[0] + (parts.Count > 1 ? $" ({string.Join(", ", parts.Skip(1))})" : "") + url;
    }
}

/// <summary>A cell: a single value of the API's JSON (typed in a workbook), or text (joined values), or empty.</summary>
public readonly record struct DownloadCell(JsonElement? Value, string? Joined)
{
    public static readonly DownloadCell Empty = new(null, null);

    public DownloadCell(JsonElement value)
        : this(value, null)
    {
    }

    public DownloadCell(string joined)
        : this(null, joined)
    {
    }

    public string Text => Value is { } value ? DownloadColumns.Text(value) : Joined ?? "";
}

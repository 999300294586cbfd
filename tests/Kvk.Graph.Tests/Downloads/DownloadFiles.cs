using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;
using Microsoft.VisualBasic.FileIO;
using MiniExcelLibs;

namespace Kvk.Graph.Tests.Downloads;

/// <summary>Downloads read back as a spreadsheet user reads them, and the API's answer to the same operation, cell by cell.</summary>
public static class DownloadFiles
{
    /// <summary>The rows of a CSV download, read by .NET's own RFC 4180 reader, header first.</summary>
    public static List<string[]> Parse(byte[] bytes, char separator = ',')
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        using var parser = new TextFieldParser(new StringReader(Encoding.UTF8.GetString(bytes[3..])))
        {
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        parser.SetDelimiters(separator.ToString());
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        return rows;
    }

    /// <summary>The rows of an xlsx download, read by MiniExcel: the header, then each row's cells as the reader types them.</summary>
    public static (string[] Header, List<object?[]> Rows) Xlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToList();
        return ([.. rows[0].Select(c => (string)c!)], rows.Skip(1).ToList());
    }

    /// <summary>
    /// The API's answer over POST /graphql to a download's document with the same variables, every page, as rows of
    /// cells for the columns (the header of the file): a value as the JSON gives it; through a list, the values joined
    /// by "; "; an object as "first (rest, …) url".
    /// </summary>
    public static async Task<(string DataVersion, List<JsonNode?[]> Rows, JsonNode? Errors)> ApiAsync(
        KvkTestServer server,
        string list,
        string document,
        JsonNode? where = null,
        JsonNode? order = null)
    {
        var rows = new List<JsonNode?[]>();
        string? after = null;
        string version = "";
        while (true)
        {
            var variables = new JsonObject { ["after"] = after, ["where"] = where?.DeepClone(), ["order"] = order?.DeepClone() };
            using var response = await server.Client.PostAsJsonAsync("/graphql", new { query = document, variables });
            var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            if (answer["errors"] is { } errors)
            {
                return ("", rows, errors);
            }

            version = answer["data"]!["meta"]!["dataVersion"]!.GetValue<string>();
            var connection = answer["data"]![list]!;
            rows.AddRange(connection["nodes"]!.AsArray().Select(n => new[] { n }));
            if (!connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                return (version, rows, null);
            }

            after = connection["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
    }

    /// <summary>A node's cell for a column path, as text.</summary>
    public static string Text(JsonNode? node, string path) => Cell(node, path) switch
    {
        (null, false) => "",
        (var value, false) => Text(value),
        (JsonArray items, true) => string.Join("; ", items.Where(i => i is not null).Select(Text)),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>A node's cell for a column path, as a spreadsheet reader types it: a number as a double, true/false, text, or null.</summary>
    public static object? Typed(JsonNode? node, string path) => Cell(node, path) switch
    {
        (null, false) => null,
        (JsonValue value, false) when value.GetValueKind() == JsonValueKind.Number => value.GetValue<double>(),
        (JsonValue value, false) when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        (var value, false) => Text(value),
        (var values, true) => Text(node, path),
    };

    private static (JsonNode? Value, bool ThroughList) Cell(JsonNode? node, string path)
    {
        var values = new JsonArray();
        var throughList = false;
        void Walk(JsonNode? at, string[] names)
        {
            if (at is JsonArray items)
            {
                throughList = true;
                foreach (var item in items)
                {
                    Walk(item, names);
                }
            }
            else if (names.Length == 0)
            {
                values.Add(at?.DeepClone());
            }
            else if (at is JsonObject o && o.TryGetPropertyValue(names[0], out var inner))
            {
                Walk(inner, names[1..]);
            }
        }

        Walk(node, path.Split('.'));
        return throughList ? (values, true) : (values.Count == 1 ? values[0] : null, false);
    }

    private static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonArray items => string.Join(", ", items.Where(i => i is not null).Select(Text)),
        JsonObject item => Item(item),
        _ => value.ToJsonString(),
    };

    private static string Item(JsonObject item)
    {
        var parts = item.Where(p => p.Value is not null && p.Key != "url").Select(p => Text(p.Value)).Where(t => t.Length > 0).ToList();
        var url = item["url"] is JsonValue address ? " " + address.GetValue<string>() : "";
        return parts.Count == 0 ? url.Trim() : parts[0] + (parts.Count > 1 ? $" ({string.Join(", ", parts.Skip(1))})" : "") + url;
    }
}

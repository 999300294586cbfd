using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Graph.Engine.Lists;
using Kvk.Graph.Engine.Lists.Filtering;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Engine.Transport;

namespace Kvk.Graph.Downloads;

/// <summary>
/// Every list of the API as a file: <c>/download/{list}.csv</c> and <c>/download/{list}.xlsx</c>, with the list's own
/// <c>where</c> and <c>order</c> (JSON, passed to the API as the operation's variables) and <c>columns</c> (output field
/// paths), and <c>/download/</c>, the index with the data version and the terms. A download is a client of the API: each
/// page is one operation through the one pipeline (<see cref="SurfaceClient"/>), so it meets the API's validation,
/// limits and words, and its cells are the API's JSON values. Any refusal is the API's answer, <c>{"errors": […]}</c>,
/// with HTTP 400 (404 for a file that is no download); the surface's own refusals have the same form.
/// </summary>
public static class Downloads
{
    public const string Path = "/download/";

    /// <summary>A download reads at most this many pages of <see cref="DownloadColumns.PageSize"/>: 10,000 rows.</summary>
    public const int MaxPages = 100;

    private const string CsvType = "text/csv; charset=utf-8";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static readonly HashSet<string> Parameters = ["columns", "where", "order", "separator"];

    /// <summary>What a row of each list's download is, as the index says it.</summary>
    private static readonly Dictionary<string, string> Rows = new(StringComparer.Ordinal)
    {
        ["awards"] = "one row per announced award, with the jury's motivation and its sources",
        ["rounds"] = "one row per round, with how much of its nominee list is known, its nominees, notes and sources",
        ["nominations"] = "one row per nomination, withdrawn ones included, with its history and sources",
        ["municipalities"] = "one row per municipality (290), with the years of its nominations and awards",
    };

    /// <param name="lists">The lists of the schema, each a download by its root field's name.</param>
    public static void MapDownloads(this IEndpointRouteBuilder endpoints, IReadOnlyList<ListRoot> lists)
    {
        endpoints.MapGet(Path + "{file}", (string file, HttpContext context) => DownloadAsync(file, context, lists));
        endpoints.MapGet(Path, (HttpContext context) => IndexAsync(context, lists));
        endpoints.MapOldDownloadAddresses(lists);
    }

    private static async Task DownloadAsync(string file, HttpContext context, IReadOnlyList<ListRoot> lists)
    {
        var extension = System.IO.Path.GetExtension(file);
        var list = lists.FirstOrDefault(l => l.Field == System.IO.Path.GetFileNameWithoutExtension(file))?.Field;
        if (list is null || extension is not (".csv" or ".xlsx"))
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "NOT_FOUND",
                $"No download `{file}`: the lists are {string.Join(", ", lists.Select(l => l.Field))}, each as .csv or .xlsx (e.g. {Path}awards.csv).");
            return;
        }

        try
        {
            var request = Read(context, list, extension);
            await AnswerAsync(context, list, extension, request);
        }
        catch (DownloadRequestException e)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, e.Code, e.Message);
        }
        catch (InvalidRequestException e)
        {
            // The variables as the API reads a request's (e.g. nested deeper than JSON is read): the API's words.
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, DownloadRequestException.InvalidDownload, e.Message);
        }
    }

    private sealed record Request(string Document, IReadOnlyList<DownloadColumn> Columns, JsonObject Variables, char Separator, bool WholeList);

    private static Request Read(HttpContext context, string list, string extension)
    {
        var query = context.Request.Query;
        foreach (var (name, values) in query)
        {
            if (!Parameters.Contains(name))
            {
                throw new DownloadRequestException(name.Contains('.', StringComparison.Ordinal)
                    ? $"Unknown parameter `{name}`: a download takes columns, where, order and separator. To filter, give the list's where as JSON, e.g. " +
                        $"where={{\"{name.Split('.')[0]}\": …}}."
                    : $"Unknown parameter `{name}`: a download takes columns, where, order and separator.");
            }

            if (values.Count > 1)
            {
                throw new DownloadRequestException($"`{name}` is given {values.Count} times; give it once (to combine filters, use `and` in where).");
            }
        }

        var separator = query["separator"].ToString() switch
        {
            "" when !query.ContainsKey("separator") => ',',
            "comma" when extension == ".csv" => ',',
            "semicolon" when extension == ".csv" => ';',
            _ when extension != ".csv" => throw new DownloadRequestException("`separator` is for .csv downloads."),
            _ => throw new DownloadRequestException("`separator` is comma or semicolon."),
        };

        var schema = context.RequestServices.GetRequiredService<ISchema>();
        var client = context.RequestServices.GetRequiredService<SurfaceClient>();
        var node = DownloadColumns.NodeType(schema, list);
        string document;
        IReadOnlyList<DownloadColumn> columns;
        if (query.TryGetValue("columns", out var asked))
        {
            columns = DownloadColumns.Read(asked.ToString(), node);
            document = DownloadColumns.Document(schema, list, columns);
        }
        else
        {
            document = client.Document(DocumentName(list));
            columns = DownloadColumns.Of(document, schema, list);
        }

        var variables = new JsonObject();
        foreach (var name in (string[])["where", "order"])
        {
            if (query.TryGetValue(name, out var json))
            {
                variables[name] = Json(name, json.ToString());
            }
        }

        if (variables["where"] is { } where
            && schema.Query.GetField(list)!.Arguments!.Find("where")!.ResolvedType is IInputObjectGraphType filter
            && KnownCodes.Unknown(where, filter, context.RequestServices.GetRequiredService<MunicipalityDirectory>()) is { } unknown)
        {
            throw new DownloadRequestException(unknown, FilterCompiler.InvalidFilter);
        }

        return new Request(document, columns, variables, separator, WholeList: !query.ContainsKey("columns") && variables.Count == 0);
    }

    private static JsonNode? Json(string name, string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new DownloadRequestException($"`{name}` is not valid JSON ({e.Message.Split(". ")[0]}): give the list's {name} argument as JSON, e.g. " +
                $"{(name == "where" ? "{\"year\": {\"gte\": 2015}}" : "[{\"year\": \"DESC\"}]")}.");
        }
    }

    /// <summary>The persisted document of a list's whole download: <c>Download/Awards</c>.</summary>
    public static string DocumentName(string list) => $"Download/{char.ToUpperInvariant(list[0])}{list[1..]}";

    private static async Task AnswerAsync(HttpContext context, string list, string extension, Request request)
    {
        var cache = context.RequestServices.GetRequiredService<ResponseCache>();
        var policy = context.RequestServices.GetRequiredService<EdgeCachePolicy>();
        var key = $"download\n{list}{extension}\n{request.Separator}";
        if (request.WholeList && cache.TryGet(key, out var cached) && cache.TryGet(key + "\nfile", out var cachedFile))
        {
            var file = JsonSerializer.Deserialize<FileFacts>(cachedFile.Body)!;
            await WriteFileAsync(context, cached, file, policy);
            return;
        }

        var generation = cache.Generation;
        var read = await ReadAsync(context, list, request);
        if (read.Error is { } error)
        {
            await WriteAnswerErrorAsync(context, error);
            return;
        }

        var facts = new FileFacts($"kvk-{list}-{read.DataVersion}{extension}", read.LastRecordedAt);
        var body = extension == ".csv"
            ? CsvWriter.Write(
                [.. request.Columns.Select(c => c.Path)],
                read.Rows.Select(r => (IReadOnlyList<object?>)[.. r.Select(c => c.Text)]),
                request.Separator)
            : await Workbook.WriteAsync(list, request.Columns, read.Rows, context.RequestAborted);
        var response = new CachedResponse(StatusCodes.Status200OK, extension == ".csv" ? CsvType : XlsxType, body);
        if (request.WholeList)
        {
            cache.Store(key, response, generation);
            cache.Store(
                key + "\nfile",
                new CachedResponse(StatusCodes.Status200OK, "application/json", JsonSerializer.SerializeToUtf8Bytes(facts)),
                generation);
        }

        await WriteFileAsync(context, response, facts, policy);
    }

    private sealed record FileFacts(string FileName, DateTimeOffset? LastModified);

    private static Task WriteFileAsync(HttpContext context, CachedResponse response, FileFacts file, EdgeCachePolicy policy)
    {
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{file.FileName}\"";
        if (file.LastModified is { } last)
        {
            context.Response.Headers.LastModified = last.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);
        }

        return EdgeCaching.WriteAsync(context, response, policy);
    }

    private sealed record Pages(List<DownloadCell[]> Rows, string DataVersion, DateTimeOffset? LastRecordedAt, SurfaceAnswer? Error);

    /// <summary>
    /// Every page of the list, each one operation; the data version is asked with every page, and a download whose
    /// record changed between its pages starts again (at most three times), so that a file is of one version.
    /// </summary>
    private static async Task<Pages> ReadAsync(HttpContext context, string list, Request request)
    {
        var client = context.RequestServices.GetRequiredService<SurfaceClient>();
        for (var attempt = 0; ; attempt++)
        {
            var rows = new List<DownloadCell[]>();
            string? version = null;
            DateTimeOffset? lastRecordedAt = null;
            string? after = null;
            var changed = false;
            for (var page = 0; ; page++)
            {
                if (page == MaxPages)
                {
                    throw new DownloadRequestException(
                        string.Create(CultureInfo.InvariantCulture, $"The download has more than {MaxPages * DownloadColumns.PageSize} rows, ") +
                        "more than a download gives: narrow it with where, or page through the list in the API.");
                }

                var variables = (JsonObject)request.Variables.DeepClone();
                variables["after"] = after;
                var answer = await client.RunTextAsync(context, "Download", request.Document, client.Variables(variables.ToJsonString()));
                if (answer.Result.Errors is { Count: > 0 })
                {
                    return new Pages(rows, "", null, answer);
                }

                var data = answer.Data;
                var meta = data.GetProperty("meta");
                var pageVersion = meta.GetProperty("dataVersion").GetString()!;
                if (version is not null && version != pageVersion)
                {
                    changed = true;
                    break;
                }

                version = pageVersion;
                lastRecordedAt = meta.GetProperty("lastRecordedAt") is { ValueKind: JsonValueKind.String } at
                    ? DateTimeOffset.Parse(at.GetString()!, CultureInfo.InvariantCulture)
                    : null;
                var connection = data.GetProperty(list);
                rows.AddRange(connection.GetProperty("nodes").EnumerateArray().Select(n => request.Columns.Select(c => DownloadColumns.Cell(n, c)).ToArray()));
                var pageInfo = connection.GetProperty("pageInfo");
                if (!pageInfo.GetProperty("hasNextPage").GetBoolean())
                {
                    break;
                }

                after = pageInfo.GetProperty("endCursor").GetString();
            }

            if (!changed || attempt == 2)
            {
                return new Pages(rows, version!, lastRecordedAt, null);
            }
        }
    }

    /// <summary>The index of the downloads: the data version, the last recording, the terms and sources, as the API's <c>meta</c> gives them.</summary>
    private static async Task IndexAsync(HttpContext context, IReadOnlyList<ListRoot> lists)
    {
        var client = context.RequestServices.GetRequiredService<SurfaceClient>();
        var answer = await client.RunAsync(context, "Download", "Download/Index", null);
        if (answer.Result.Errors is { Count: > 0 })
        {
            await WriteAnswerErrorAsync(context, answer);
            return;
        }

        var meta = answer.Data.GetProperty("meta");
        var version = meta.GetProperty("dataVersion").GetString();
        var index = new JsonObject
        {
            ["dataVersion"] = version,
            ["lastRecordedAt"] = JsonNode.Parse(meta.GetProperty("lastRecordedAt").GetRawText()),
            ["eventCount"] = JsonNode.Parse(meta.GetProperty("eventCount").GetRawText()),
            ["licence"] = meta.GetProperty("licence").GetString(),
            ["downloads"] = new JsonArray([.. lists.Select(l => (JsonNode)new JsonObject
            {
                ["path"] = $"{Path}{l.Field}.csv",
                ["xlsx"] = $"{Path}{l.Field}.xlsx",
                ["fileName"] = $"kvk-{l.Field}-{version}.csv",
                ["rows"] = Rows.GetValueOrDefault(l.Field, "one row per item of the list"),
                ["document"] = client.Document(DocumentName(l.Field)),
            })]),
            ["parameters"] = "columns (output field paths, comma-separated, e.g. year,municipality.name), where and order (JSON: the list's GraphQL " +
                "arguments), separator=semicolon (CSV for Excel in Swedish)",
            ["sources"] = JsonNode.Parse(meta.GetProperty("sources").GetRawText()),
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(index, IndexJson);
        await EdgeCaching.WriteAsync(
            context,
            new CachedResponse(StatusCodes.Status200OK, "application/json; charset=utf-8", body),
            context.RequestServices.GetRequiredService<EdgeCachePolicy>());
    }

    private static readonly JsonSerializerOptions IndexJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        WriteIndented = true,
    };

    /// <summary>The API's refusal as the API answered it: its errors, with a status after their codes.</summary>
    private static async Task WriteAnswerErrorAsync(HttpContext context, SurfaceAnswer answer)
    {
        context.Response.StatusCode = answer.FailureStatus;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var errors = new JsonObject { ["errors"] = JsonNode.Parse(answer.Json.GetProperty("errors").GetRawText()) };
        await context.Response.WriteAsync(errors.ToJsonString(IndexJson), context.RequestAborted);
    }

    /// <summary>A refusal of the surface's own, in the API's form: <c>{"errors": [{"message", "extensions": {"code"}}]}</c>.</summary>
    public static async Task WriteErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] };
        await context.RequestServices.GetRequiredService<IGraphQLTextSerializer>().WriteAsync(context.Response.Body, result, context.RequestAborted);
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using GraphQL;
using Kvk.Graph.Engine.Pipeline;

namespace Kvk.Graph.Explorer;

/// <summary>
/// The operation behind a page: one of the explorer's shipped documents (<c>PersistedDocuments/Explorer/</c>) and its
/// variables, read from the page's address.
/// </summary>
/// <param name="Document">The document's name, e.g. "Explorer/Round".</param>
/// <param name="Variables">The variables as a client would send them; empty for none.</param>
public sealed record ExplorerOperation(string Document, IReadOnlyDictionary<string, object?> Variables)
{
    /// <summary>The JSON the pages read the API's answers with, and write variables in: Swedish letters as they are.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static ExplorerOperation Of(string document, params (string Name, object? Value)[] variables) =>
        new(document, variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));

    /// <summary>The variables as JSON, as <c>GET /graphql?variables=…</c> takes them; null for none.</summary>
    public string? VariablesJson => Variables.Count == 0 ? null : JsonSerializer.Serialize(Variables, Json);

    /// <summary>
    /// Runs the document through the API's pipeline as the public would (<see cref="SurfaceClient"/>): the same limits,
    /// search rules and embargo as the API's, and a line of the operation log with the transport "Explorer" (or the
    /// surface's that runs it, e.g. "Feed").
    /// </summary>
    public async Task<ExplorerAnswer<T>> RunAsync<T>(HttpContext context, string surface = "Explorer")
        where T : class
    {
        var client = context.RequestServices.GetRequiredService<SurfaceClient>();
        var inputs = Variables.Count == 0 ? null : new Inputs(Variables.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal));
        var answer = await client.RunAsync(context, surface, Document, inputs);
        var errors = answer.Errors;
        if (errors.Count == 0 && answer.Data.ValueKind == JsonValueKind.Object)
        {
            var version = answer.Data.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
                && meta.TryGetProperty("dataVersion", out var value) ? value.GetString() : null;
            return new ExplorerAnswer<T>(answer.Data.Deserialize<T>(Json), null, version);
        }

        return new ExplorerAnswer<T>(null, new ExplorerFailure(
            answer.FailureStatus,
            [.. errors.Select(e => e.Message)],
            errors.Select(e => e.Code).FirstOrDefault(c => c is not null)));
    }
}

/// <summary>What the API answered a page: its data, read into the page's records, or why there is none.</summary>
/// <param name="DataVersion">The data version the answer is of, where the page's document asks it (<c>meta { dataVersion }</c>).</param>
public sealed record ExplorerAnswer<T>(T? Data, ExplorerFailure? Failure, string? DataVersion = null)
    where T : class;

/// <summary>An operation that did not answer, with the status its surface answers (<see cref="SurfaceAnswer.FailureStatus"/>).</summary>
public sealed record ExplorerFailure(int StatusCode, IReadOnlyList<string> Messages, string? Code);

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Kvk.Domain.Rounds;
using Kvk.Graph.Engine.Pipeline;

namespace Kvk.Graph.Admin;

/// <summary>
/// <c>GET /admin/vocabulary.json</c>: the words of the secretariat's page that are declared elsewhere, so that the page
/// does not write them again. <c>events</c>: each kind of round event by its stored name, its line in the round's
/// history after the actor's name (<c>line</c>, and <c>withoutMunicipality</c> where it is told otherwise when its
/// entry names no municipality), with the entry's fields as placeholders (<see cref="RoundEventTelling.EntryPlaceholders"/>).
/// </summary>
public static class AdminVocabulary
{
    public const string Path = AdminPage.Path + "/vocabulary.json";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static JsonObject Document() => new()
    {
        ["events"] = new JsonObject(RoundEventCatalogue.All.Select(kind => KeyValuePair.Create(kind.StoredName, (JsonNode?)Lines(kind.Telling)))),
    };

    private static JsonObject Lines(RoundEventTelling telling)
    {
        var lines = new JsonObject { ["line"] = telling.Told.Secretariat };
        if (telling.WithoutMunicipality is { } without)
        {
            lines["withoutMunicipality"] = without.Secretariat;
        }

        return lines;
    }

    /// <summary>Served like the page's script: a static file of this build.</summary>
    public static void MapAdminVocabulary(this IEndpointRouteBuilder endpoints)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(Document(), Json);
        endpoints.MapGet(Path, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Bytes(body, "application/json; charset=utf-8");
        }).WithAdmission(AdmissionPolicy.StaticAsset);
    }
}

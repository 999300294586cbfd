using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.PublicLog;

/// <summary>The public log as a host serves it, read as a mirror would: every page of <c>GET /events</c>.</summary>
internal static class ServedLog
{
    public static async Task<string> BodyAsync(KvkTestServer server)
    {
        using var response = await server.Client.GetAsync("/events?limit=10000");
        response.EnsureSuccessStatusCode();
        Assert.False(response.Headers.Contains("Link"), "The test log outgrew one page.");
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<List<string>> LinesAsync(KvkTestServer server) =>
        [.. (await BodyAsync(server)).Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>The lines of one round's entries, parsed.</summary>
    public static async Task<List<JsonObject>> OfRoundAsync(KvkTestServer server, int year) =>
        [.. (await LinesAsync(server)).Select(l => JsonNode.Parse(l)!.AsObject()).Where(e => e["round"]!.GetValue<int>() == year)];

    public static async Task<string> DataVersionAsync(KvkTestServer server) =>
        (await server.QueryAsync("{ meta { dataVersion } }"))["meta"]!["dataVersion"]!.GetValue<string>();
}

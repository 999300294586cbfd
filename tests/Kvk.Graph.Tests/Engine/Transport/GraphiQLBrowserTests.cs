using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Engine.Transport;

public sealed class GraphiQLBrowserTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    [NeedsFact(Needs.GraphiQL)]
    public async Task A_browser_gets_graphiql_from_the_server_itself()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var response = await kvk.Server.Client.SendAsync(request);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
        using var script = await kvk.Server.Client.GetAsync("/graphql/assets/graphiql.min.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [NeedsFact(Needs.NodeTooling | Needs.Chromium | Needs.GraphiQL)]
    public async Task Headless_chromium_runs_a_query_in_graphiql_and_sees_the_result()
    {
        var url = new Uri(kvk.Server.Client.BaseAddress!, "/graphql").ToString();

        var (exitCode, lines, errors) = await NodeScript.RunAsync("browser.mjs", TimeSpan.FromMinutes(2), url,
            "{ award(year: 2023) { recipientName municipality { county { name } } } }", "Höganäs kommun");

        var result = JsonNode.Parse(lines.Last(l => l.StartsWith('{')))!;
        Assert.True(exitCode == 0, $"{result} {errors}");
        Assert.Contains("Skåne län", (string)result["result"]!, StringComparison.Ordinal);
        Assert.True((bool)result["docsExplorer"]!);
    }

    [NeedsFact(Needs.NodeTooling | Needs.Chromium | Needs.GraphiQL)]
    public async Task A_link_to_a_shipped_document_opens_it_in_graphiql_with_its_variables()
    {
        var client = kvk.Server.Services.GetRequiredService<Kvk.Graph.Engine.Pipeline.SurfaceClient>();
        var url = new Uri(
            kvk.Server.Client.BaseAddress!,
            $"/graphql?documentId={Uri.EscapeDataString(client.DocumentId("Explorer/Round"))}&variables={Uri.EscapeDataString("{\"year\":2023}")}").ToString();

        var (exitCode, lines, errors) = await NodeScript.RunAsync("browser.mjs", TimeSpan.FromMinutes(2), url, "", "");

        var result = JsonNode.Parse(lines.Last(l => l.StartsWith('{')))!;
        Assert.True(exitCode == 0, $"{result} {errors}");
        var editors = result["editors"]!.AsArray().Select(e => (string)e!).ToList();
        Assert.Contains(client.Document("Explorer/Round"), editors);
        Assert.Contains("{\"year\":2023}", editors);
    }

    [Fact]
    public async Task Large_responses_are_compressed_when_the_client_asks()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = KvkTestServer.Json("{\"query\":\"{ municipalities(first: 100) { nodes { code name county { name } } } }\"}"),
        };
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var response = await kvk.Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
    }
}

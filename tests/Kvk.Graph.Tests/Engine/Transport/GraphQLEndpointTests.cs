using System.Net;
using System.Text;
using Kvk.Graph.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Engine.Transport;

[Collection(SeededHistory.Name)]
public sealed class GraphQLEndpointTests(SeededKvk kvk)
{
    [Fact]
    public async Task Get_with_a_query_parameter_answers_with_json()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ award(year: 2023) { recipientName } }"));
        using var response = await kvk.Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("{\"data\":{\"award\":{\"recipientName\":\"Höganäs kommun\"}}}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Swedish_letters_are_written_as_utf8_not_as_escapes()
    {
        using var response = await kvk.Server.Client.PostAsync("/graphql", KvkTestServer.Json(
            "{\"query\":\"{ award(year: 2023) { recipientName municipality { county { name } } } }\"}"));

        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Equal("utf-8", response.Content.Headers.ContentType!.CharSet);
        Assert.Contains("Höganäs kommun", text, StringComparison.Ordinal);
        Assert.Contains("Skåne län", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variables_and_operation_name_select_what_runs()
    {
        var body = "{\"query\":\"query A($y: Int!) { award(year: $y) { year } } query B { counties { code } " +
            "}\",\"operationName\":\"A\",\"variables\":{\"y\":2011}}";
        using var response = await kvk.Server.Client.PostAsync("/graphql", KvkTestServer.Json(body));

        Assert.Equal("{\"data\":{\"award\":{\"year\":2011}}}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_bad_request()
    {
        using var response = await kvk.Server.Client.PostAsync("/graphql", KvkTestServer.Json("{ awards"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a valid GraphQL request", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_in_another_content_type_is_unsupported()
    {
        using var response = await kvk.Server.Client.PostAsync("/graphql", new StringContent("{ awards { totalCount } }", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_query_that_does_not_parse_is_reported_as_a_graphql_error()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = KvkTestServer.Json("{\"query\":\"{ awards { \"}") };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await kvk.Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"errors\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_get_query_is_answered_without_a_preflight_header_as_graphql_clients_send_it()
    {
        using var response = await kvk.Server.Client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ __typename }"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"data\":{\"__typename\":\"Query\"}}", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/graphql?sdl")]
    [InlineData("/graphql/schema.graphql")]
    public async Task The_schema_is_served_as_sdl_where_graphql_tools_look_for_it(string path)
    {
        using var response = await kvk.Server.Client.GetAsync(path);
        var sdl = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("type Query {", sdl, StringComparison.Ordinal);
        Assert.Contains("awards(", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mutation_over_get_is_not_allowed_and_says_which_method_is()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { __typename }"));
        using var response = await kvk.Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
    }

    [Fact]
    public async Task An_accept_header_the_server_cannot_meet_is_not_acceptable()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = KvkTestServer.Json("{\"query\":\"{ __typename }\"}") };
        request.Headers.Accept.ParseAdd("application/xml");
        using var response = await kvk.Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Other_methods_are_not_allowed()
    {
        using var response = await kvk.Server.Client.PutAsync("/graphql", KvkTestServer.Json("{}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task A_trusted_document_runs_by_its_sha256_id()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "PersistedDocuments", "Round.graphql"));
        var id = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));

        var response = await kvk.Server.PostAsync(null!, new { year = 2023 }, documentId: id);

        Assert.Equal("Höganäs kommun", (string?)response["data"]!["round"]!["award"]!["recipientName"]);
    }

    [Fact]
    public async Task An_unknown_document_id_is_an_error()
    {
        var response = await kvk.Server.PostAsync(null!, documentId: "sha256:" + new string('0', 64));

        Assert.Null(response["data"]);
        Assert.Equal("DOCUMENT_NOT_FOUND", (string?)response["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task An_automatic_persisted_query_is_asked_for_once_then_runs_by_hash()
    {
        var query = "{ award(year: 2019) { recipientName } }";
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(query)));
        var byHash = "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}}";
        var withText = "{\"query\":\"" + query + "\",\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}}";

        using var first = await kvk.Server.Client.PostAsync("/graphql", KvkTestServer.Json(byHash));
        using var register = await kvk.Server.Client.PostAsync("/graphql", KvkTestServer.Json(withText));
        using var second = await kvk.Server.Client.PostAsync("/graphql", KvkTestServer.Json(byHash));

        Assert.Contains("PERSISTED_QUERY_NOT_FOUND", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(await register.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Contains("recipientName", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_whose_text_does_not_match_its_hash_is_refused()
    {
        var body = "{\"query\":\"{ __typename }\",\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + new string('a', 64) + "\"}}}";
        using var response = await kvk.Server.Client.PostAsync("/graphql", KvkTestServer.Json(body));

        Assert.Contains("PERSISTED_QUERY_HASH_MISMATCH", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_query_is_parsed_and_validated_once()
    {
        // Other variables each time, so that the whole-response cache does not answer before the document cache is asked.
        var cache = kvk.Server.Services.GetServices<GraphQL.DI.IConfigureExecution>().OfType<Kvk.Graph.Engine.Pipeline.ParsedDocumentCache>().Single();
        var query = "query($year: Int!) { award(year: $year) { year recipientName } }";
        var first = await kvk.Server.PostAsync(query, new { year = 2015 });
        var hits = cache.Hits;
        var second = await kvk.Server.PostAsync(query, new { year = 2017 });

        Assert.Equal(2015, (int)first["data"]!["award"]!["year"]!);
        Assert.Equal(2017, (int)second["data"]!["award"]!["year"]!);
        Assert.Equal(hits + 1, cache.Hits);
    }
}

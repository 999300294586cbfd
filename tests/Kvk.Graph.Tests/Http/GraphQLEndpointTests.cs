using System.Net;
using System.Text;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Http;

[Collection(SeededHistory.Name)]
public sealed class GraphQLEndpointTests(SeededKvk kvk)
{
    [Fact]
    public async Task Get_with_a_query_parameter_answers_with_json()
    {
        using var response = await kvk.Server.Client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ award(year: 2023) { recipientName } }"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("{\"data\":{\"award\":{\"recipientName\":\"Höganäs kommun\"}}}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Swedish_letters_are_written_as_utf8_not_as_escapes()
    {
        using var response = await kvk.Server.Client.PostAsync("/graphql", KvkTestServer.Json("{\"query\":\"{ award(year: 2023) { recipientName municipality { county { name } } } }\"}"));

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
        var body = "{\"query\":\"query A($y: Int!) { award(year: $y) { year } } query B { counties { code } }\",\"operationName\":\"A\",\"variables\":{\"y\":2011}}";
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
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GraphQL;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Engine.Pipeline;

public sealed class AnswerStatusTests
{
    [Theory]
    [InlineData("FIELDS_ON_CORRECT_TYPE", false, 400, "refused")]
    [InlineData("INVALID_FILTER", true, 400, "partial")]
    [InlineData(ErrorPolicy.Timeout, false, 503, "failed")]
    [InlineData(ErrorPolicy.DatabaseUnavailable, true, 503, "partial")]
    [InlineData(ErrorPolicy.InternalError, false, 500, "failed")]
    [InlineData(Admission.RateLimited, false, 429, "refused")]
    public void An_answer_s_status_says_whose_the_failure_is(string code, bool executed, int status, string outcome)
    {
        var result = new ExecutionResult { Executed = executed, Errors = [new ExecutionError("…") { Code = code }] };

        Assert.Equal(status, AnswerStatus.HttpStatus(result));
        Assert.Equal(outcome, AnswerStatus.Outcome(result));
    }

    /// <summary>
    /// An operation whose time runs out is the server's failure on every surface: 503, which clients and the edge retry,
    /// never the 400 of a request the client must mend. (A limit far below any statement's time: every operation runs
    /// out of it.)
    /// </summary>
    [Fact]
    public async Task Every_surface_answers_an_operation_out_of_its_time_as_unavailable_not_as_the_client_s_mistake()
    {
        await using var server = await KvkTestServer.StartAsync(null, "--Kvk:Limits:Timeout=00:00:00.0000001");

        string[] surfaces = ["/omgang/2023", "/en/municipality/1284", "/feed.atom", "/download/awards.csv?where=%7B%22year%22%3A%7B%22gte%22%3A2005%7D%7D"];
        foreach (var path in surfaces)
        {
            using var page = await server.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(page.StatusCode == HttpStatusCode.ServiceUnavailable, $"{path}: {(int)page.StatusCode}");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ awards(first: 5) { nodes { year recipientName } } }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        using var response = await server.Client.SendAsync(request);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(ErrorPolicy.Timeout, (string?)answer["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(answer.ContainsKey("data") ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}

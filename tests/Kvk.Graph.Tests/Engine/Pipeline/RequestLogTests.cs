using System.Collections.Concurrent;
using Kvk.Graph.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Kvk.Graph.Tests.Engine.Pipeline;

public sealed class RequestLogTests
{
    [Fact]
    public async Task Each_request_is_one_log_line_with_its_graphql_operation_and_outcome()
    {
        var lines = new ConcurrentQueue<string>();
        await using var server = await KvkTestServer.StartAsync(
            null,
            (WebApplicationBuilder builder) => builder.Logging.AddProvider(new CapturingLogger(lines, "Kvk.Requests")),
            "--Logging:LogLevel:Kvk.Requests=Information");

        await server.PostAsync("query Winners { awards(first: 1) { totalCount } }");
        await server.PostAsync("query Winners { awards(first: 1) { totalCount } }");
        await server.PostAsync("{ awards(first: 1000) { totalCount } }");

        var logged = lines.ToList();
        Assert.Equal(3, logged.Count);
        Assert.Matches(@"^POST /graphql 200 in [\d.]+ ms operation=Winners outcome=ok trace=\w+$", logged[0]);
        Assert.Contains("outcome=cached", logged[1], StringComparison.Ordinal);
        Assert.Contains("outcome=partial", logged[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_operation_on_every_transport_is_one_line_of_the_operation_log()
    {
        var lines = new ConcurrentQueue<string>();
        await using var server = await KvkTestServer.StartAsync(
            null,
            (WebApplicationBuilder builder) => builder.Logging.AddProvider(new CapturingLogger(lines, "Kvk.Operations")),
            "--Logging:LogLevel:Kvk.Operations=Information");

        foreach (var transport in Transports.Names)
        {
            await Transports.SendAsync(server, transport, $"query Logged{transport} {{ __typename }}");
        }

        Assert.All(Transports.Names, transport =>
            Assert.Contains(
                lines,
                l => System.Text.RegularExpressions.Regex.IsMatch(
                    l,
                    $@"^{transport} operation Logged{transport} ok in [\d.]+ ms client=address:127\.0\.0\.1 trace=\w*$")));
    }

    [Fact]
    public async Task What_a_client_sends_cannot_start_a_log_line_of_its_choosing()
    {
        var lines = new ConcurrentQueue<string>();
        await using var server = await KvkTestServer.StartAsync(
            null,
            (WebApplicationBuilder builder) => builder.Logging.AddProvider(new CapturingLogger(lines, "Kvk.Requests", "Kvk.Operations")),
            "--Logging:LogLevel:Default=Information");
        const string forged = "\nINFO forged line";

        var response = await server.PostAsync("query Real { __typename }", operationName: "Real" + forged);
        using var path = await server.Client.GetAsync("/download/%0AINFO%20forged%20line");

        Assert.Contains("`operationName` contains the " +
            "control character U+000A", response["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, l => l.Contains('\n', StringComparison.Ordinal) || l.Contains('\r', StringComparison.Ordinal));
    }
}

using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Engine.Pipeline;

public sealed class ExecutionTimeoutTests
{
    [Fact]
    public async Task An_execution_over_its_time_limit_ends_with_a_timeout_error()
    {
        await using var server = await KvkTestServer.StartAsync(null, "--Kvk:Limits:Timeout=00:00:00.001");

        var response = await server.PostAsync("{ awards(first: 100) { nodes { round { history { summary } } } } }");

        Assert.Equal("TIMEOUT", response["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}

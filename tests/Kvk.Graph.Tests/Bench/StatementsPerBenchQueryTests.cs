using Kvk.Bench;
using Kvk.Graph.Engine.Transport;
using Kvk.Graph.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Bench;

/// <summary>
/// The SQL statements one answer of each benchmark query costs when no cached response answers it and the host has read
/// its documents before: the profile's figure most of the speed of a cache-missing read rests on (issue 29). Exact, so
/// that a change that adds a statement to a benchmark query is seen here, not in the next run's figures.
/// </summary>
public sealed class StatementsPerBenchQueryTests
{
    private const string Expected = """
        award list: 1
        round with nominees and history: 3
        filtered sorted page: 1
        search: 1
        filtered sorted page, cache-busting: 1
        search, cache-busting: 1
        explorer: round page: 8
        explorer: municipality page: 4
        explorer: search page, cache-busting: 2
        download: awards CSV: 2
        download: filtered awards CSV, cache-busting: 2
        reference: GraphQL alone, cache-busting: 0
        reference: one lookup, cache-busting: 1
        """;

    [Fact]
    public async Task Each_benchmark_query_answered_without_its_cached_response_issues_the_statements_it_issues_today()
    {
        await using var server = await KvkTestServer.StartAsync();
        var cache = server.Services.GetRequiredService<ResponseCache>();
        var counted = new List<string>();
        foreach (var query in BenchQuery.All.Concat(BenchQuery.References))
        {
            // The first answer reads the documents this host has not read yet; the second, the one counted, no longer does.
            cache.Invalidate();
            await AskAsync(server, query);
            cache.Invalidate();
            using var counter = new SqlStatementCounter(server.ConnectionString);
            await AskAsync(server, query);
            counted.Add($"{query.Name}: {counter.Count}");
        }

        var now = string.Join("\n", counted);
        Assert.True(Expected.ReplaceLineEndings("\n") == now, $"Statements per request now:\n{now}");
    }

    private static async Task AskAsync(KvkTestServer server, BenchQuery query)
    {
        using var request = query.Request(server.Client.BaseAddress!.ToString().TrimEnd('/'));
        request.Headers.Accept.ParseAdd(query.Path is null ? "application/graphql-response+json, application/json" : "*/*");
        using var response = await server.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var answered = response.IsSuccessStatusCode && (query.Path is not null || !body.Contains("\"errors\"", StringComparison.Ordinal));
        Assert.True(answered, $"{query.Name}: {body}");
    }
}

using Kvk.Domain.Seeding;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Kvk.Storage.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Engine.Reading;

public sealed class StatementCountTests
{
    private const string AwardsWithEverything = """
        query($first: Int) {
          awards(first: $first) {
            totalCount
            nodes {
              year
              municipality { name county { name } }
              round { status nominees { municipality { name county { code } } } history { type } award { year } }
            }
          }
        }
        """;

    [Fact]
    public async Task Listing_awards_with_municipality_county_and_round_issues_the_same_few_statements_for_5_or_50_awards()
    {
        await using var server = await WithFiftyMoreAwardsAsync();
        await server.QueryAsync(AwardsWithEverything, new { first = 60 });

        var few = await CountAsync(server, 5);
        var many = await CountAsync(server, 50);

        // The page with its total, and one batch each for rounds, nominees, round histories and round awards.
        Assert.Equal(few.Count, many.Count);
        Assert.InRange(many.Count, 1, 5);
    }

    [Fact]
    public async Task Documents_this_host_has_not_read_yet_cost_one_more_statement_per_table_for_5_or_50_awards()
    {
        await using var server = await WithFiftyMoreAwardsAsync();
        await server.QueryAsync(AwardsWithEverything, new { first = 60 });
        var warm = await CountAsync(server, 49);

        // A rebuild writes every document anew, so the host has read none of them in its current version.
        await server.RebuildReadModelAsync();
        var few = await CountAsync(server, 5);
        await server.RebuildReadModelAsync();
        var many = await CountAsync(server, 50);

        Assert.Equal(few.Count, many.Count);
        Assert.True(many.Count == warm.Count + 3, $"{warm.Statements}{Environment.NewLine}---{Environment.NewLine}{many.Statements}");
        Assert.Equal(3, many.Statements.Split(Environment.NewLine).Count(s => s.Contains(", data from", StringComparison.Ordinal)));
    }

    private static async Task<KvkTestServer> WithFiftyMoreAwardsAsync()
    {
        var server = await KvkTestServer.StartAsync();
        var given = Given.On(server);
        var extra = Enumerable.Range(0, 50).Select(_ => given.AFreeYear())
            .Select(year => new SeedRound(year, ["0643", "1263", "0180"], new SeedDecision("0643", "Habo kommun", $"Motivering {year}."), true)).ToList();
        await server.Services.GetRequiredService<SeedImporter>().ImportAsync(SeedHistory.Load(SeedFiles.Rounds) with { Rounds = extra });
        return server;
    }

    /// <summary>Runs the query with a new page size (so that no cached response answers) and counts its statements.</summary>
    private static async Task<(int Count, string Statements)> CountAsync(KvkTestServer server, int first)
    {
        using var counter = new SqlStatementCounter(server.ConnectionString);
        var data = await server.QueryAsync(AwardsWithEverything, new { first });
        Assert.Equal(first, data["awards"]!["nodes"]!.AsArray().Count);
        return (counter.Count, counter.Statements);
    }
}

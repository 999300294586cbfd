using System.Net;
using System.Net.Http.Json;
using Kvk.Bench;
using Kvk.Graph.Engine.Profiling;
using Kvk.Graph.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Engine.Profiling;

/// <summary>
/// The request profile the benchmark harness reads (<c>--profile</c>): absent unless enabled, and when enabled every phase
/// of a cache-missing request is counted once per request. Counts only: its durations depend on the machine.
/// </summary>
public sealed class RequestProfileTests
{
    private static readonly BenchQuery FilteredPage = BenchQuery.All.Single(q => q.Name == "filtered sorted page, cache-busting");

    [Fact]
    public async Task Without_the_setting_there_is_no_profile_and_its_path_is_not_routed()
    {
        await using var server = await KvkTestServer.StartAsync();

        using var response = await server.Client.GetAsync(ProfileEndpoint.Path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("phases", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(server.Services.GetService<RequestProfile>());
    }

    [Fact]
    public async Task With_the_setting_each_phase_of_a_cache_missing_request_is_counted_once_per_request()
    {
        await using var server = await KvkTestServer.StartAsync(null, $"--{RequestProfile.EnabledKey}=true");

        // The first request parses the document; the next two find it in the document cache, with new variables each.
        await server.QueryAsync(FilteredPage.Query, new { from = 2005, to = 2023 });
        var before = await WaitForRequestsAsync(server, 1);
        await server.QueryAsync(FilteredPage.Query, new { from = 2005, to = 2024 });
        await server.QueryAsync(FilteredPage.Query, new { from = 2005, to = 2025 });
        var after = await WaitForRequestsAsync(server, 3);
        long Counted(ProfilePhase phase) => after[RequestProfile.JsonName(phase)].Count - before[RequestProfile.JsonName(phase)].Count;

        Assert.All(
            new[]
            {
                ProfilePhase.Request, ProfilePhase.ReadBody, ProfilePhase.ResponseCacheLookup, ProfilePhase.DecodeRequest, ProfilePhase.Operation,
                ProfilePhase.Executer, ProfilePhase.DocumentCacheHit, ProfilePhase.Validation, ProfilePhase.OperationLog,
                ProfilePhase.Serialization, ProfilePhase.ResponseCacheStore, ProfilePhase.WriteResponse,
            },
            phase => Assert.True(Counted(phase) == 2, $"{phase}: {Counted(phase)}"));

        // Its variables are condition values (`gte: $from` with `$from: Int!`): a new value costs no new cost analysis.
        Assert.Equal(0, Counted(ProfilePhase.CostAnalysis));
        Assert.Equal(0, Counted(ProfilePhase.Parse));
        Assert.Equal(1, before[RequestProfile.JsonName(ProfilePhase.Parse)].Count);
        Assert.Equal(Counted(ProfilePhase.SqlConnection), Counted(ProfilePhase.SqlStatement));
        Assert.True(Counted(ProfilePhase.SqlStatement) >= 2, $"SQL statements: {Counted(ProfilePhase.SqlStatement)}");
    }

    [Theory]
    [InlineData("query($from: Int!) { awards(where: { year: { gte: $from } }) { totalCount } }", 0)]
    [InlineData("query($from: Int) { awards(where: { year: { gte: $from } }) { totalCount } }", 1)]
    [InlineData("query($from: Int!) { awards(where: { year: { in: [$from] } }) { totalCount } }", 1)]
    [InlineData("query($from: Int!, $w: AwardFilterInput) { awards(where: $w) { totalCount } a: awards(where: { year: { gte: $from } }) { totalCount } }", 1)]
    [InlineData("query($from: Int!) { awards(first: $from) { totalCount } }", 1)]
    public async Task Cost_analysis_runs_again_for_new_variables_only_where_their_values_can_change_the_cost(string query, int runsPerRequest)
    {
        await using var server = await KvkTestServer.StartAsync(null, $"--{RequestProfile.EnabledKey}=true");

        await server.QueryAsync(query, new { from = 3, w = new { year = new { gte = 2010 } } });
        var before = await WaitForRequestsAsync(server, 1);
        await server.QueryAsync(query, new { from = 4, w = new { year = new { gte = 2011 } } });
        await server.QueryAsync(query, new { from = 5, w = new { year = new { gte = 2012 } } });
        var after = await WaitForRequestsAsync(server, 3);

        var name = RequestProfile.JsonName(ProfilePhase.CostAnalysis);
        Assert.Equal(2 * runsPerRequest, after[name].Count - before[name].Count);
    }

    /// <summary>
    /// The profile once it has counted <paramref name="requests"/> whole requests: a request is counted as its middleware
    /// ends, which may be a moment after the client has read the answer.
    /// </summary>
    private static async Task<Dictionary<string, PhaseTotal>> WaitForRequestsAsync(KvkTestServer server, long requests)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var reading = await server.Client.GetFromJsonAsync<Reading>(ProfileEndpoint.Path);
            var phases = reading!.Phases;
            if (phases[RequestProfile.JsonName(ProfilePhase.Request)].Count >= requests || DateTime.UtcNow > deadline)
            {
                return phases;
            }

            await Task.Delay(20);
        }
    }

    private sealed record Reading(Dictionary<string, PhaseTotal> Phases);
}

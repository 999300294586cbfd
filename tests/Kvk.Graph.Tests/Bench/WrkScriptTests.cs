using System.Collections.Concurrent;
using Kvk.Bench;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kvk.Graph.Tests.Bench;

/// <summary>The load the harness makes with wrk, as a server receives it.</summary>
public sealed class WrkScriptTests
{
    [Fact]
    public async Task A_cache_busting_query_sends_different_variables_on_nearly_every_request_from_every_wrk_thread()
    {
        var received = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.Map("/{**path}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            received.Enqueue(context.Request.Path + context.Request.QueryString + await reader.ReadToEndAsync());
            return Results.Text("{}", "application/json");
        });
        await app.StartAsync();

        foreach (var query in BenchQuery.All.Concat(BenchQuery.References).Where(q => q.IsCacheBusting))
        {
            received.Clear();

            // Runs of a second each (a script each, as the harness makes one a run) until there are enough to count, however
            // slow the machine: a bound only for a wrk that sends nothing.
            for (var run = 0; received.Count <= 100; run++)
            {
                Assert.True(run < 60, $"{query.Name}: {received.Count} requests in {run} runs");
                await Wrk.RunAsync(app.Urls.First(), query.WrkScript(), connections: 4, TimeSpan.FromSeconds(1));
            }

            // Drawn at random, a few may repeat; seeded alike, wrk's two threads sent every request twice.
            var requests = received.ToArray();
            Assert.True(requests.Distinct().Count() >= requests.Length * 0.99, $"{query.Name}: {requests.Distinct().Count()} of {requests.Length} different");
        }
    }
}

using System.Text.Json.Nodes;
using Kvk.Domain.Rounds;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;

namespace Kvk.Graph.Tests.Live;

/// <summary>
/// Subscribers that missed the same (a host died and its watchers subscribe again to another, all at once) share one
/// catch-up read and its resolution, over real sockets: a reconnect storm costs the database work of one subscriber, and
/// each subscriber still gets exactly what it missed by its own arguments.
/// </summary>
public sealed class SharedCatchUpTests(FanOutKvk kvk) : IClassFixture<FanOutKvk>
{
    [Fact]
    public async Task Two_hundred_subscribers_that_missed_an_announcement_and_subscribe_at_once_get_it_for_the_reads_of_one()
    {
        var year = Given.On(kvk.Server).AFreeYear();
        using (var herald = await Watcher.StartAsync(kvk.Server, null, [("live", "subscription { awardAnnounced { year } }", new { })]))
        {
            // Once it went out live, the host is done with the announcement: the storm comes after, as after a host died.
            await AnnounceAsync(year);
            await herald.NextOfEachAsync(p => AwardYear(p) == year);
        }

        const string Missed = "subscription Missed($after: Int) { awardAnnounced(afterYear: $after) { year recipientName round { status history { type } } } }";
        (string, string, object)[] subscriptions = [.. Enumerable.Range(0, 50).Select(i => ($"w{i}", Missed, (object)new { after = year - 1 }))];
        using var counter = new SqlStatementCounter(kvk.Server.ConnectionString);
        var starting = Enumerable.Range(0, 4).Select(_ => Watcher.StartAsync(kvk.Server, null, subscriptions)).ToList();
        try
        {
            var payloads = new List<string>();
            foreach (var watcher in await Task.WhenAll(starting))
            {
                payloads.AddRange((await watcher.NextOfEachAsync(p => AwardYear(p) == year)).Values.Select(p => p.ToJsonString()));
            }

            Assert.Equal(200, payloads.Count);
            var payload = Assert.Single(payloads.Distinct());
            Assert.Contains("\"recipientName\":\"Helsingborgs kommun\"", payload, StringComparison.Ordinal);
            Assert.Contains("\"status\":\"ANNOUNCED\"", payload, StringComparison.Ordinal);

            // The awards and the round are read, and the award resolved, for one subscriber (at most a few, should a
            // change come in between), not for each of the 200.
            Assert.True(counter.Count <= 10, $"{counter.Count} statements:{Environment.NewLine}{counter.Statements}");
        }
        finally
        {
            foreach (var watcher in starting.Where(s => s.IsCompletedSuccessfully))
            {
                (await watcher).Dispose();
            }
        }
    }

    [Fact]
    public async Task Subscribers_that_missed_different_changes_each_get_what_they_missed_once_and_in_order_then_the_live_ones()
    {
        var given = Given.On(kvk.Server);
        int[] years = [.. new[] { given.AFreeYear(), given.AFreeYear(), given.AFreeYear(), given.AFreeYear() }.Order()];
        var (none, first, second, later) = (years[0], years[1], years[2], years[3]);
        await AnnounceAsync(first);
        await AnnounceAsync(second);
        var open = await given.ARoundWithNominees("1283");
        const string Awards = "subscription($after: Int) { awardAnnounced(afterYear: $after) { year } }";
        const string Round = "subscription($year: Int, $after: Int) { roundChanged(year: $year, afterVersion: $after) { year version } }";

        // Two of each, so that each read is shared, and beside them others that missed something else.
        using var awards = await Watcher.StartAsync(kvk.Server, null, [.. new[] { none, first, second }
            .SelectMany(after => new[] { ($"after{after}a", Awards, (object)new { after }), ($"after{after}b", Awards, new { after }) })]);
        (string, string, object)[] RoundWatchers(int after) =>
            [($"v{after}a", Round, new { year = open.Year, after }), ($"v{after}b", Round, new { year = open.Year, after })];
        using var behind = await Watcher.StartAsync(kvk.Server, null, RoundWatchers(0));
        using var current = await Watcher.StartAsync(kvk.Server, null, RoundWatchers(open.Version));
        await AnnounceAsync(later);

        // A catch-up sends the round as it is when read: the change is recorded once the behind ones have their catch-up,
        // or a read that came after it would (rightly) send only the new version.
        var caughtUp = await behind.UpToEachAsync(p => RoundVersion(p) == open.Version);
        await kvk.Server.RecordAsync(new NominateMunicipality(open.Year, "0180"));

        // Awards of other tests on this host are left out: they are of years this test did not choose.
        var announced = await awards.UpToEachAsync(p => AwardYear(p) == later);
        int[] Years(string id) => [.. announced[id].Select(AwardYear).Where(years.Contains)];
        Assert.All(new[] { "a", "b" }, copy =>
        {
            Assert.Equal([first, second, later], Years($"after{none}{copy}"));
            Assert.Equal([second, later], Years($"after{first}{copy}"));
            Assert.Equal([later], Years($"after{second}{copy}"));
        });

        var behindChanged = await behind.UpToEachAsync(p => RoundVersion(p) == open.Version + 1);
        var currentChanged = await current.UpToEachAsync(p => RoundVersion(p) == open.Version + 1);
        Assert.All(new[] { "a", "b" }, copy =>
        {
            Assert.Equal([open.Version, open.Version + 1], caughtUp[$"v0{copy}"].Concat(behindChanged[$"v0{copy}"]).Select(RoundVersion));
            Assert.Equal([open.Version + 1], currentChanged[$"v{open.Version}{copy}"].Select(RoundVersion));
        });
        Assert.All(
            new[] { caughtUp, behindChanged, currentChanged }.SelectMany(d => d.Values).SelectMany(p => p),
            p => Assert.Equal(open.Year, (int)p["data"]!["roundChanged"]!["year"]!));
    }

    private static int AwardYear(JsonObject payload) => (int)payload["data"]!["awardAnnounced"]!["year"]!;

    private static int RoundVersion(JsonObject payload) => (int)payload["data"]!["roundChanged"]!["version"]!;

    private async Task AnnounceAsync(int year) => await kvk.Server.RecordAsync(
        new OpenRound(year),
        new NominateMunicipality(year, "1283"),
        new RecordJuryDecision(year, "1283", "Motiveringen.", null),
        new AnnounceAward(year, null));
}

using System.Text.Json.Nodes;
using Kvk.Domain.Rounds;
using Kvk.Graph.Tests.Secretariat.Credentials;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Kvk.Storage.Rounds;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Live;

/// <summary>
/// A live change is resolved once per distinct selection (document, operation, variables, who asks) and that result is sent
/// to every subscriber of the selection, over real sockets: the database work of a change does not grow with its subscribers,
/// and nobody gets a result made for someone who may see something else.
/// </summary>
public sealed class SharedResolutionTests(FanOutKvk kvk) : IClassFixture<FanOutKvk>
{
    private const string Watch =
        "subscription Watch($year: Int) { roundChanged(year: $year) { year status version history { type } nominees { municipality { name } } } }";

    [Fact]
    public async Task Two_hundred_subscribers_of_one_selection_get_the_same_change_for_the_database_reads_of_one_subscriber()
    {
        var year = Given.On(kvk.Server).AFreeYear();
        using var counter = new SqlStatementCounter(kvk.Server.ConnectionString);
        var watchers = new List<Watcher>();
        try
        {
            for (var s = 0; s < 4; s++)
            {
                watchers.Add(await Watcher.StartAsync(kvk.Server, null, [.. Enumerable.Range(0, 50).Select(i => ($"w{i}", Watch, (object)new { year }))]));
            }

            var before = counter.Count;
            await Record(new OpenRound(year));

            var payloads = new List<string>();
            foreach (var watcher in watchers)
            {
                payloads.AddRange((await watcher.NextOfEachAsync(_ => true)).Values.Select(p => p.ToJsonString()));
            }

            Assert.Equal(200, payloads.Count);
            var payload = Assert.Single(payloads.Distinct());
            Assert.Contains("\"status\":\"NOMINATING\"", payload, StringComparison.Ordinal);

            // The change reads the database (the history, the nominations) for one subscriber, not for each of the 200.
            Assert.True(counter.Count - before is >= 1 and <= 10, $"{counter.Count - before} statements:{Environment.NewLine}{counter.Statements}");
        }
        finally
        {
            watchers.ForEach(w => w.Dispose());
        }
    }

    [Fact]
    public async Task Subscribers_of_one_change_with_different_variables_each_get_their_own_result()
    {
        var round = await Given.On(kvk.Server).ARoundWithNominees("1283", "0180");
        const string Ordered =
            "subscription($year: Int, $order: NomineeOrder) { roundChanged(year: $year) { nominees(order: $order) { municipality { name } } } }";
        using var watcher = await Watcher.StartAsync(kvk.Server, null,
        [
            ("byName1", Ordered, new { year = round.Year, order = "NAME" }),
            ("recorded1", Ordered, new { year = round.Year, order = "RECORDED" }),
            ("byName2", Ordered, new { year = round.Year, order = "NAME" }),
            ("recorded2", Ordered, new { year = round.Year, order = "RECORDED" }),
        ]);

        await Record(new NominateMunicipality(round.Year, "1280"));

        var results = await watcher.NextOfEachAsync(p => p["data"]!["roundChanged"]!["nominees"]!.AsArray().Count == 3);
        string[] Names(string id) => [.. results[id]["data"]!["roundChanged"]!["nominees"]!.AsArray().Select(n => (string)n!["municipality"]!["name"]!)];
        Assert.Equal(["Helsingborg", "Malmö", "Stockholm"], Names("byName1"));
        Assert.Equal(["Helsingborg", "Malmö", "Stockholm"], Names("byName2"));
        Assert.Equal(["Helsingborg", "Stockholm", "Malmö"], Names("recorded1"));
        Assert.Equal(["Helsingborg", "Stockholm", "Malmö"], Names("recorded2"));
    }

    [Fact]
    public async Task The_press_and_the_secretariat_never_get_the_public_result_of_a_decision_nor_the_public_theirs()
    {
        var press = await IssuePressAsync("Tidning Delad");
        var round = await Given.On(kvk.Server).ARoundWithNominees("1283");
        const string Decision = "subscription($year: Int) { roundChanged(year: $year) { status decision { motivation } } }";
        (string, string, object)[] Subscriptions(string who) =>
            [.. Enumerable.Range(0, 3).Select(i => ($"{who}{i}", Decision, (object)new { year = round.Year }))];

        // Each group subscribes on its own connections, the public first and last, so that whichever is resolved first,
        // the others of the same selection are there to take its result.
        using var publicFirst = await Watcher.StartAsync(kvk.Server, null, Subscriptions("public"));
        using var pressWatcher = await Watcher.StartAsync(kvk.Server, press.Token, Subscriptions("press"));
        using var secretariat = await Watcher.StartAsync(kvk.Server, FanOutKvk.SecretaryToken, Subscriptions("secretariat"));
        using var publicLast = await Watcher.StartAsync(kvk.Server, null, Subscriptions("public"));

        await Record(new RecordJuryDecision(round.Year, "1283", "Under embargo.", null));

        static bool Decided(JsonObject payload) => (string?)payload["data"]!["roundChanged"]!["status"] == "DECIDED";
        foreach (var watcher in new[] { publicFirst, publicLast })
        {
            Assert.All((await watcher.NextOfEachAsync(Decided)).Values, p => Assert.Null(p["data"]!["roundChanged"]!["decision"]));
        }

        foreach (var watcher in new[] { pressWatcher, secretariat })
        {
            Assert.All((await watcher.NextOfEachAsync(Decided)).Values,
                p => Assert.Equal("Under embargo.", (string?)p["data"]!["roundChanged"]!["decision"]!["motivation"]));
        }
    }

    [Fact]
    public async Task A_revoked_credentials_subscribers_are_refused_the_next_change_while_the_publics_of_the_same_selection_get_it()
    {
        var press = await IssuePressAsync("Tidning Indragen");
        var year = Given.On(kvk.Server).AFreeYear();
        (string, string, object)[] Subscriptions(string who) => [.. Enumerable.Range(0, 2).Select(i => ($"{who}{i}", Watch, (object)new { year }))];
        using var pressWatcher = await Watcher.StartAsync(kvk.Server, press.Token, Subscriptions("press"));
        using var publicWatcher = await Watcher.StartAsync(kvk.Server, null, Subscriptions("public"));
        await IssuedCredentials.ChangeAsync(kvk.Server, press.Id, async () =>
            Assert.Equal(0, (await IssuedCredentials.RunAsync(kvk.Server, "revoke", "--name", press.Name)).ExitCode));

        await Record(new OpenRound(year));

        Assert.All((await publicWatcher.NextOfEachAsync(_ => true)).Values,
            p => Assert.Equal("NOMINATING", (string?)p["data"]!["roundChanged"]!["status"]));
        Assert.All((await pressWatcher.NextOfEachAsync(_ => true)).Values, p =>
        {
            Assert.Null(p["data"]);
            Assert.Equal("REVOKED", (string?)p["errors"]![0]!["extensions"]!["reason"]);
        });
    }

    /// <summary>A press credential, once this host has heard of it (the credential cache learns of a new one shortly after).</summary>
    private async Task<IssuedToken> IssuePressAsync(string name)
    {
        var press = await IssuedCredentials.IssueAsync(kvk.Server, IssuedCredentials.UniqueName(name), "press");
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if ((bool?)(await kvk.Server.PostAsync("{ viewer { isPress } }", token: press.Token))["data"]?["viewer"]?["isPress"] == true)
            {
                return press;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The host never knew {press.Name}.");
    }

    private async Task Record(RoundCommand command) =>
        await SubscriptionTests.RecordAsync(kvk.Server.Services.GetRequiredService<RoundRecorder>(), command);
}

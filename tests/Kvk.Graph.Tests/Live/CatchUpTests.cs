using System.Text.Json.Nodes;
using Kvk.Domain.Rounds;
using Kvk.Graph.Live;
using Kvk.Graph.Secretariat;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;

namespace Kvk.Graph.Tests.Live;

/// <summary>
/// A subscriber that says what it has (<c>afterYear</c>, <c>afterVersion</c>) gets what it missed at once, then the
/// live changes: one that reconnects with the arguments it first subscribed with ends up with every change.
/// </summary>
public sealed class CatchUpTests : IAsyncLifetime
{
    private const string Token = "catch-up-test-token-5d1e";
    private KvkTestServer _kvk = null!;

    public async Task InitializeAsync() => _kvk = await KvkTestServer.StartAsync(
        null,
        "--Kvk:Secretariat:Tokens:0:Name=Sekreterare Sara",
        $"--Kvk:Secretariat:Tokens:0:Sha256={Convert.ToHexString(SecretariatTokens.Hash(Token))}");

    public async Task DisposeAsync() => await _kvk.DisposeAsync();

    [Fact]
    public async Task A_value_published_while_the_state_is_read_comes_after_it_once_and_in_order()
    {
        var live = new Broadcast<int>();
        var state = new TaskCompletionSource<IReadOnlyList<int>>();
        var received = new Received<int>();
        using var subscription = new CatchUp<int>(live, _ => state.Task, (sent, version) => sent.Any(s => s >= version)).Subscribe(received);

        live.Publish(2);
        live.Publish(4);
        state.SetResult([3]);
        live.Publish(3);
        live.Publish(5);

        Assert.Equal([3, 4, 5], received.Values);
    }

    [Fact]
    public void A_state_that_cannot_be_read_ends_the_stream_with_the_error()
    {
        var live = new Broadcast<int>();
        var received = new Received<int>();
        using var subscription = new CatchUp<int>(live, _ => Task.FromException<IReadOnlyList<int>>(new TimeoutException("no database")), (_, _) => false)
            .Subscribe(received);

        live.Publish(1);

        Assert.Empty(received.Values);
        Assert.IsType<TimeoutException>(received.Error);
    }

    [Fact]
    public async Task An_award_announced_before_the_subscription_is_sent_at_once_to_a_subscriber_who_has_an_older_one()
    {
        // The seed's newest award is 2023's; the award announced later is of a later year.
        var given = Given.On(_kvk);
        int[] years = [given.AFreeYear(), given.AFreeYear()];
        var (first, later) = (years.Min(), years.Max());
        await AnnounceAsync(first);
        using var behind = await SubscribeAsync("subscription { awardAnnounced(afterYear: 2023) { year recipientName } }");
        using var upToDate = await SubscribeAsync($"subscription {{ awardAnnounced(afterYear: {first}) {{ year }} }}");

        var missed = await NextAsync(behind);
        await AnnounceAsync(later);

        Assert.Equal($"{{\"awardAnnounced\":{{\"year\":{first},\"recipientName\":\"Helsingborgs kommun\"}}}}", missed.ToJsonString());
        Assert.Equal(later, Year(await NextAsync(behind), "awardAnnounced"));
        Assert.Equal(later, Year(await NextAsync(upToDate), "awardAnnounced"));
    }

    [Fact]
    public async Task A_newer_round_is_sent_at_once_and_its_secret_decision_only_to_the_secretariat()
    {
        var round = await Given.On(_kvk).ADecidedRound("1283", "Hemligt.", "1283");
        var decided = round.Version;
        var subscription = $"subscription {{ roundChanged(year: {round.Year}, afterVersion: 0) {{ version status decision {{ recipientName }} }} }}";
        using var publicSubscriber = await SubscribeAsync(subscription);
        using var secretary = await SubscribeAsync(subscription, Token);
        using var upToDate = await SubscribeAsync($"subscription {{ roundChanged(year: {round.Year}, afterVersion: {decided}) {{ version }} }}");

        var missed = await NextAsync(publicSubscriber);
        var missedBySecretary = await NextAsync(secretary);
        await _kvk.RecordAsync(new AnnounceAward(round.Year, null));

        Assert.Equal($"{{\"roundChanged\":{{\"version\":{decided},\"status\":\"DECIDED\",\"decision\":null}}}}", missed.ToJsonString());
        Assert.Equal($"{{\"roundChanged\":{{\"version\":{decided},\"status\":\"DECIDED\",\"decision\":{{\"recipientName\":\"Helsingborgs " +
            "kommun\"}}}", missedBySecretary.ToJsonString());
        Assert.Equal($"{{\"roundChanged\":{{\"version\":{decided + 1},\"status\":\"ANNOUNCED\",\"decision\":{{\"recipientName\":\"Helsingborgs " +
            "kommun\"}}}", (await NextAsync(publicSubscriber)).ToJsonString());
        Assert.Equal(decided + 1, (int)(await NextAsync(upToDate))["roundChanged"]!["version"]!);
    }

    [Fact]
    public async Task A_version_without_its_round_is_refused()
    {
        using var socket = await GraphQLWebSocket.ConnectAsync(_kvk.Client.BaseAddress!);
        await socket.InitAsync();
        await socket.SubscribeAsync("1", "subscription { roundChanged(afterVersion: 2) { version } }");

        var messages = await socket.ReceiveOperationAsync("1");

        Assert.Equal("next", (string?)messages[0]["type"]);
        Assert.Equal("INVALID_ARGUMENT", (string?)messages[0]["payload"]!["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains("pass its `year` too", (string?)messages[0]["payload"]!["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Equal("complete", (string?)messages[^1]["type"]);
    }

    private async Task AnnounceAsync(int year) => await _kvk.RecordAsync(
        new OpenRound(year),
        new NominateMunicipality(year, "1283"),
        new RecordJuryDecision(year, "1283", "Motiveringen.", null),
        new AnnounceAward(year, null));

    private async Task<GraphQLWebSocket> SubscribeAsync(string subscription, string? token = null)
    {
        var socket = await GraphQLWebSocket.ConnectAsync(_kvk.Client.BaseAddress!);
        await socket.InitAsync(token is null ? null : new { Authorization = "Bearer " + token });
        await socket.SubscribeAsync("1", subscription);

        // A query answered on the same connection after the subscription: the subscription is in place.
        await socket.SubscribeAsync("probe", "{ __typename }");
        return socket;
    }

    private static async Task<JsonObject> NextAsync(GraphQLWebSocket socket)
    {
        while (await socket.ReceiveAsync() is { } message)
        {
            if ((string?)message["id"] == "1")
            {
                Assert.Equal("next", (string?)message["type"]);
                return message["payload"]!["data"]!.AsObject();
            }
        }

        throw new InvalidOperationException("The connection closed.");
    }

    private static int Year(JsonObject data, string field) => (int)data[field]!["year"]!;

    private sealed class Received<T> : IObserver<T>
    {
        public List<T> Values { get; } = [];

        public Exception? Error { get; private set; }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error) => Error = error;

        public void OnNext(T value) => Values.Add(value);
    }
}

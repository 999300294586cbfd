using System.Text.Json.Nodes;
using System.Threading.Channels;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Graph.Engine.Transport;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Kvk.Storage.PublicLog;
using Kvk.Storage.Rounds;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kvk.Graph.Tests.Live;

/// <summary>
/// A change is never lost between hosts: its notice is sent in the transaction that records it (delivered with the commit,
/// never without it), and a host that heard no notice finds the change in the event store at its next look.
/// </summary>
public sealed class NoticeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_recording_whose_commit_fails_sends_no_notice_and_a_committed_one_is_sent_by_its_own_transaction()
    {
        await using var server = await KvkTestServer.StartAsync();
        await using var listener = new NpgsqlConnection(server.ConnectionString);
        await listener.OpenAsync();
        var notices = Channel.CreateUnbounded<NpgsqlNotificationEventArgs>();
        listener.Notification += (_, e) => notices.Writer.TryWrite(e);
        await using (var listen = new NpgsqlCommand($"listen {RoundChangeNotice.Channel}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        var (failing, committed) = (Given.On(server).AFreeYear(), Given.On(server).AFreeYear());
        await using (var chained = await OpenRoundAsync(server, failing))
        {
            // A constraint checked only at commit, broken: the transaction fails after everything in it, its notice included, was sent.
            await using var doomed = new NpgsqlCommand(
                "create temp table doomed (id int primary key, next int references doomed deferrable initially deferred) on commit drop; " +
                    "insert into doomed values (1, 2)",
                (NpgsqlConnection)chained.Session.Connection!);
            await doomed.ExecuteNonQueryAsync();
            await Assert.ThrowsAsync<PostgresException>(() => chained.CommitAsync(CancellationToken.None));
        }

        int recorder;
        await using (var chained = await OpenRoundAsync(server, committed))
        {
            recorder = ((NpgsqlConnection)chained.Session.Connection!).ProcessID;
            await chained.CommitAsync(CancellationToken.None);
        }

        // Notices arrive in the order of the commits: the first is the committed round's, sent by the recording's own connection.
        using var patience = new CancellationTokenSource(Wait);
        while (!notices.Reader.TryPeek(out _))
        {
            await listener.WaitAsync(patience.Token);
        }

        var first = await notices.Reader.ReadAsync();
        Assert.StartsWith($"{committed} RoundOpened ", first.Payload, StringComparison.Ordinal);
        Assert.Equal(recorder, first.PID);
    }

    [Fact]
    public async Task A_change_no_notice_announced_reaches_the_subscribers_and_the_cached_answers_at_the_next_look_in_the_store()
    {
        await using var server = await KvkTestServer.StartAsync(null, "--Kvk:Live:CatchUpSeconds=1");
        var year = Given.On(server).AFreeYear();
        var query = $"/graphql?query={Uri.EscapeDataString($"{{ round(year: {year}) {{ status }} }}")}";
        var before = await server.Client.GetStringAsync(query);
        Assert.Equal(before, await server.Client.GetStringAsync(query));
        Assert.True(server.Services.GetRequiredService<ResponseCache>().Count > 0, "The round query was not cached, so this test would show nothing.");
        using var socket = await GraphQLWebSocket.ConnectAsync(server.Client.BaseAddress!);
        await socket.InitAsync();
        await socket.SubscribeAsync("1", $"subscription {{ roundChanged(year: {year}) {{ year status }} }}");
        await socket.SubscribeAsync("probe", "{ __typename }");

        // Written straight into the store, as a host that died before its notice (or a notice that never arrived) would leave it.
        await using (var session = server.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.Events.StartStream(AwardYear.StreamKey(year), OpeningOf(server, year));
            await session.SaveChangesAsync();
        }

        JsonObject? change;
        while ((change = await socket.ReceiveAsync(Wait)) is not null && (string?)change["id"] != "1")
        {
        }

        Assert.Equal($"{{\"roundChanged\":{{\"year\":{year},\"status\":\"NOMINATING\"}}}}", change?["payload"]?["data"]?.ToJsonString());
        Assert.True(
            await Eventually.HoldsAsync(
                async () => (await server.Client.GetStringAsync(query)).Contains("NOMINATING", StringComparison.Ordinal),
                Wait),
            "The cached answer never showed the change.");
    }

    private static async Task<ChainedSession> OpenRoundAsync(KvkTestServer server, int year)
    {
        var store = server.Services.GetRequiredService<IDocumentStore>();
        var chained = await ChainedSession.OpenAsync(store, RecordedRounds.Secretary, CancellationToken.None);
        chained.Session.Events.StartStream(AwardYear.StreamKey(year), OpeningOf(server, year));
        return chained;
    }

    private static IReadOnlyList<object> OpeningOf(KvkTestServer server, int year) =>
        RoundRules.Decide(Round.Fold([]), new OpenRound(year), server.Services.GetRequiredService<MunicipalityDirectory>()).Events;
}

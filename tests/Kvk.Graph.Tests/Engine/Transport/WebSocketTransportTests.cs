using System.Diagnostics;
using System.Net.WebSockets;
using Kvk.Graph.Secretariat;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;

namespace Kvk.Graph.Tests.Engine.Transport;

/// <summary>The WebSocket transport frames only: its messages are bounded, its connections end when they should, and a browser can authenticate.</summary>
[Collection(ProcessWideMeasures.Name)]
public sealed class WebSocketTransportTests : IAsyncLifetime
{
    private const string Token = "websocket-test-token-91c2";
    private KvkTestServer _kvk = null!;

    public async Task InitializeAsync() => _kvk = await KvkTestServer.StartAsync(
        null,
        "--Kvk:Limits:ConnectionInitTimeout=00:00:01",
        "--Kvk:Limits:ConnectionIdleTimeout=00:00:02",
        "--Kvk:Limits:CloseTimeout=00:00:01",
        "--Kvk:Secretariat:Tokens:0:Name=Sekreterare Sara",
        $"--Kvk:Secretariat:Tokens:0:Sha256={Convert.ToHexString(SecretariatTokens.Hash(Token))}");

    public async Task DisposeAsync() => await _kvk.DisposeAsync();

    [Fact]
    public async Task A_message_larger_than_a_request_body_closes_the_connection_before_initialisation()
    {
        using var socket = await GraphQLWebSocket.ConnectAsync(_kvk.Client.BaseAddress!);

        await socket.SendAsync("{\"type\":\"connection_init\",\"payload\":\"" + new string('x', 70 * 1024) + "\"}");

        var (status, _) = await socket.ReceiveCloseAsync();
        Assert.Equal((int)WebSocketCloseStatus.MessageTooBig, status);
    }

    [Fact]
    public async Task A_message_that_never_ends_is_cut_at_the_limit_and_the_host_keeps_its_memory()
    {
        var host = Process.GetCurrentProcess();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var socket = await GraphQLWebSocket.ConnectAsync(_kvk.Client.BaseAddress!);
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'x');

        var sent = 0L;
        var cut = false;
        try
        {
            // Up to 100 MiB, never the end of the message: the host must close long before.
            while (sent < 100L * 1024 * 1024)
            {
                await socket.Socket.SendAsync(chunk, WebSocketMessageType.Text, endOfMessage: false, CancellationToken.None);
                sent += chunk.Length;
            }
        }
        catch (WebSocketException)
        {
            cut = true;
        }

        GC.Collect();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var closed = cut || await CloseArrivesAsync(socket);
        Assert.True(closed, $"The host read {sent / 1024} KiB of one message without closing.");
        Assert.True(after - before < 32L * 1024 * 1024, $"The managed heap grew by {(after - before) / (1024 * 1024)} MB.");
        Assert.False(host.HasExited);
    }

    [Fact]
    public async Task Without_connection_init_in_time_the_host_closes_with_4408_and_cuts_a_client_that_never_answers_the_close()
    {
        // A handshake by hand: a client library would answer the close frame, this client never does.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(_kvk.Client.BaseAddress!.Host, _kvk.Client.BaseAddress.Port);
        var stream = tcp.GetStream();
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(
            $"GET /graphql HTTP/1.1\r\nHost: {_kvk.Client.BaseAddress.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new List<byte>();
        var buffer = new byte[1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.AddRange(buffer[..read]);
            }
        }
        catch (IOException)
        {
            // Cut with a reset rather than a FIN: cut all the same.
        }

        // Everything the host sent until it cut the connection: the upgrade, then one close frame with 4408.
        var text = System.Text.Encoding.ASCII.GetString([.. received]);
        var frame = received.Skip(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4).ToArray();
        Assert.StartsWith("HTTP/1.1 101", text, StringComparison.Ordinal);
        Assert.Equal(0x88, frame[0]);
        Assert.Equal(4408, (frame[2] << 8) | frame[3]);
    }

    [Fact]
    public async Task A_connection_without_operations_is_closed_when_idle()
    {
        using var socket = await GraphQLWebSocket.ConnectAsync(_kvk.Client.BaseAddress!);
        await socket.InitAsync();

        var (status, reason) = await socket.ReceiveCloseAsync();

        Assert.Equal(1000, status);
        Assert.Equal("Idle timeout", reason);
    }

    [Fact]
    public async Task A_subscription_keeps_a_quiet_connection_open()
    {
        using var socket = await GraphQLWebSocket.ConnectAsync(_kvk.Client.BaseAddress!);
        await socket.InitAsync();
        await socket.SubscribeAsync("s", $"subscription {{ roundChanged(year: {Given.On(_kvk).AFreeYear()}) {{ year }} }}");

        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.Equal(WebSocketState.Open, socket.Socket.State);
    }

    [Fact]
    public async Task A_browser_signs_in_with_its_token_in_connection_init_and_sees_what_the_secretariat_sees()
    {
        var round = await Given.On(_kvk).ADecidedRound("1283", "Hemlig motivering.", "1283");
        var query = $"{{ viewer {{ isSecretariat name }} round(year: {round.Year}) {{ decision {{ motivation }} }} }}";

        var (_, signedIn) = await Transports.SendAsync(_kvk, Transports.WebSocket, query, token: Token);
        var (_, anonymous) = await Transports.SendAsync(_kvk, Transports.WebSocket, query);

        Assert.True((bool)signedIn["data"]!["viewer"]!["isSecretariat"]!);
        Assert.Equal("Sekreterare Sara", (string?)signedIn["data"]!["viewer"]!["name"]);
        Assert.Equal("Hemlig motivering.", (string?)signedIn["data"]!["round"]!["decision"]!["motivation"]);
        Assert.Null(anonymous["data"]!["round"]!["decision"]);
    }

    [Fact]
    public async Task A_token_that_is_not_valid_in_connection_init_closes_with_4403()
    {
        using var socket = await GraphQLWebSocket.ConnectAsync(_kvk.Client.BaseAddress!);

        await socket.SendAsync("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer not-a-token\"}}");

        Assert.Equal(4403, (await socket.ReceiveCloseAsync()).Status);
    }

    [Theory]
    [InlineData("{\"query\":42}", "`query` must be a string.")]
    [InlineData("{\"query\":\"{ __typename }\",\"variables\":[1]}", "`variables` must be a JSON object.")]
    [InlineData("{\"query\":\"{ __typename }\",\"operationName\":\"a\\u0000\"}", "`operationName` contains the control character U+0000")]
    public async Task A_subscribe_payload_is_read_as_strictly_as_a_post_body(string payload, string message)
    {
        using var socket = await GraphQLWebSocket.ConnectAsync(_kvk.Client.BaseAddress!);
        await socket.InitAsync();
        using var post = await _kvk.Client.PostAsync("/graphql", KvkTestServer.Json(payload));

        await socket.SendAsync($"{{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{payload}}}");

        var (status, reason) = await socket.ReceiveCloseAsync();
        Assert.Equal(400, (int)post.StatusCode);
        Assert.Contains(message, await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(4400, status);
        Assert.Contains(message, reason, StringComparison.Ordinal);
    }

    private static async Task<bool> CloseArrivesAsync(GraphQLWebSocket socket)
    {
        try
        {
            return await socket.ReceiveAsync(TimeSpan.FromSeconds(10)) is null;
        }
        catch (WebSocketException)
        {
            return true;
        }
    }
}

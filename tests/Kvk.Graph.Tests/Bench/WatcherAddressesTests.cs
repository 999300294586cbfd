using System.Net;
using System.Net.Sockets;
using Kvk.Bench.Gala;

namespace Kvk.Graph.Tests.Bench;

public sealed class WatcherAddressesTests
{
    [Fact]
    public void The_newsroom_shares_one_address_and_the_public_come_a_few_to_an_address_never_the_proxys()
    {
        var options = new GalaOptions(WebSockets: 600, ServerSentEvents: 400, Newsroom: 300, WatchersPerAddress: 20);

        var addresses = Enumerable.Range(0, options.Watchers).Select(i => WatcherAddresses.Of(i, options)).ToList();

        Assert.All(addresses.Take(300), a => Assert.Equal(WatcherAddresses.Newsroom, a));
        var homes = addresses.Skip(300).GroupBy(a => a).ToList();
        Assert.Equal(35, homes.Count);
        Assert.All(homes, g => Assert.Equal(20, g.Count()));
        Assert.DoesNotContain(IPAddress.Loopback, addresses);
        Assert.All(addresses, a => Assert.True(IPAddress.IsLoopback(a)));
    }

    [Fact]
    public async Task A_watchers_connection_reaches_the_server_from_its_own_address()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var from = WatcherAddresses.Of(300, new GalaOptions(Newsroom: 300));
            using var client = new HttpClient(WatcherAddresses.HandlerFrom(from)) { Timeout = TimeSpan.FromMinutes(1) };

            using var abandon = new CancellationTokenSource();
            var request = client.GetAsync(new Uri($"http://127.0.0.1:{port}/"), abandon.Token);
            using var accepted = await listener.AcceptTcpClientAsync();

            Assert.Equal(from, ((IPEndPoint)accepted.Client.RemoteEndPoint!).Address);
            await abandon.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        }
        finally
        {
            listener.Stop();
        }
    }
}

using System.Net;
using System.Net.Sockets;

namespace Kvk.Bench.Gala;

/// <summary>
/// Where each watcher connects from, as the night's audience would: a newsroom of <see cref="GalaOptions.Newsroom"/>
/// people behind one NAT address (127.0.0.2), and the public at home, <see cref="GalaOptions.WatchersPerAddress"/> to
/// an address (127.0.1.0 onwards). Linux routes all of 127.0.0.0/8 to the loopback, so a socket bound to any of them
/// reaches the cluster and the hosts count each as a client of its own.
/// </summary>
public static class WatcherAddresses
{
    public static readonly IPAddress Newsroom = IPAddress.Parse("127.0.0.2");

    public static IPAddress Of(int watcher, GalaOptions options)
    {
        if (watcher < options.Newsroom)
        {
            return Newsroom;
        }

        var home = (watcher - options.Newsroom) / options.WatchersPerAddress;
        return new IPAddress([127, 0, (byte)(1 + (home / 254)), (byte)(1 + (home % 254))]);
    }

    /// <summary>A handler whose connections leave from <paramref name="address"/>.</summary>
    public static SocketsHttpHandler HandlerFrom(IPAddress address) => new()
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        // Server-Sent Events go over HTTP/2 (prior knowledge, as HAProxy accepts on a clear bind): as a browser's
        // streams to one site share a connection, so the proxy holds one connection, not one per stream.
        EnableMultipleHttp2Connections = true,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(address, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}

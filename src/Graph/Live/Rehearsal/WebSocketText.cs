using System.Net.WebSockets;
using System.Text;

namespace Kvk.Graph.Live.Rehearsal;

/// <summary>
/// A client's side of a WebSocket of whole text messages, as graphql-transport-ws sends them: the host's rehearsal
/// watchers use it, and so do the gala's and the tests' clients.
/// </summary>
public static class WebSocketText
{
    public static Task SendAsync(WebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);

    /// <summary>The next message whole (its frames read into <paramref name="buffer"/> in turn), or null when the other side closed.</summary>
    public static async Task<byte[]?> ReceiveAsync(WebSocket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        using var text = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            text.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return text.ToArray();
            }
        }
    }
}

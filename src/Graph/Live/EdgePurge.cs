using System.Threading.Channels;
using Kvk.Storage.Rounds;

namespace Kvk.Graph.Live;

/// <summary>
/// Drops what the edge (Varnish) stored once this host has a recorded change: the change feed publishes a round after
/// the read database has replayed the change and the response cache was cleared, and then each address of
/// <c>Kvk:Edge:PurgeUrls</c> is sent <c>BAN</c>. Every host sends it when it has the change, so the last of them clears
/// whatever a slower host gave the edge meanwhile. Changes published while a BAN is on its way are covered by one more,
/// not one each. With no address configured nothing is sent; a failure is logged, never thrown.
/// </summary>
public sealed partial class EdgePurge(RoundChangeFeed feed, ILogger<EdgePurge> log, IConfiguration configuration) : BackgroundService
{
    public static readonly HttpMethod Ban = new("BAN");

    private readonly IReadOnlyList<Uri> _targets = [.. (configuration.GetSection("Kvk:Edge:PurgeUrls").Get<string[]>() ?? []).Select(url => new Uri(url))];

    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_targets.Count == 0)
        {
            return;
        }

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var published = feed.Rounds.Subscribe(new Changed(_pending.Writer));
        try
        {
            await foreach (var _ in _pending.Reader.ReadAllAsync(stoppingToken))
            {
                foreach (var target in _targets)
                {
                    await PurgeAsync(client, target, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task PurgeAsync(HttpClient client, Uri target, CancellationToken stoppingToken)
    {
        try
        {
            using var request = new HttpRequestMessage(Ban, target);
            using var response = await client.SendAsync(request, stoppingToken);
            if (!response.IsSuccessStatusCode)
            {
                Refused(log, target, (int)response.StatusCode);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
        {
            Failed(log, target, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The edge at {Target} refused to drop what it stored (HTTP {Status}); it serves it until it expires")]
    private static partial void Refused(ILogger logger, Uri target, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask the edge at {Target} to drop what it stored; it serves it until it expires")]
    private static partial void Failed(ILogger logger, Uri target, Exception exception);

    /// <summary>Marks a purge due for each round the feed publishes; never blocks the feed.</summary>
    private sealed class Changed(ChannelWriter<bool> pending) : IObserver<RoundView>
    {
        public void OnNext(RoundView value) => pending.TryWrite(true);

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
        }
    }
}

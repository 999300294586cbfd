using System.Diagnostics;
using System.Runtime;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kvk.Graph.Live.Rehearsal;

/// <summary>
/// Before a host reports ready, it delivers the latest award to watchers of its own, over loopback and the real transports,
/// until the runtime has compiled what a delivery runs. A host a minute old otherwise spends its first announcement
/// compiling: the gala's profile found 2,489 methods compiled around the announcement (async state machines, Npgsql,
/// System.Text.Json, GraphQL.NET), a third of the host's CPU in the delivery second. Each round is
/// <see cref="RehearsalSettings.Watchers"/> watchers over WebSocket and as many over event streams, at once, so that they
/// share one catch-up read and one resolution as an announcement's watchers do; the rehearsal ends when a round made the
/// runtime compile fewer than <see cref="RehearsalSettings.SettledMethods"/> methods, or after
/// <see cref="RehearsalSettings.MaxDuration"/>. Nothing is recorded; the watchers are this host's own.
/// </summary>
public sealed class LiveRehearsal(
    IServer server,
    IHostApplicationLifetime lifetime,
    RoundChangeFeed feed,
    RehearsalSettings settings,
    RehearsalProgress progress,
    ILogger<LiveRehearsal> log) : BackgroundService
{
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled)
        {
            progress.Finish(RehearsalOutcome.Off);
            return;
        }

        try
        {
            await WhenStartedAsync(stoppingToken);
            await feed.Listening.WaitAsync(stoppingToken);
            progress.Finish(await RehearseAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stops before it was ready.
        }
        catch (Exception e) when (e is HttpRequestException or System.Net.WebSockets.WebSocketException or InvalidOperationException
            or OperationCanceledException or IOException or System.Text.Json.JsonException or KeyNotFoundException)
        {
            // A host that could not rehearse still serves: it only answers its first announcement more slowly.
            LiveLog.RehearsalFailed(log, e);
            progress.Finish(RehearsalOutcome.Failed(e.Message));
        }
    }

    private async Task<RehearsalOutcome> RehearseAsync(CancellationToken stoppingToken)
    {
        if (LoopbackAddress() is not { } host)
        {
            return RehearsalOutcome.Skipped("The host listens on no address it can reach itself over plain HTTP.");
        }

        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { Timeout = RoundTimeout };
        var client = new RehearsalClient(host, http);
        int? latest;
        using (var bound = RoundBound(stoppingToken))
        {
            latest = await client.LatestAwardYearAsync(bound.Token);
        }

        if (latest is not { } year)
        {
            return RehearsalOutcome.Skipped("No award is announced yet: there is nothing to deliver.");
        }

        var clock = Stopwatch.StartNew();
        var compiledBefore = JitInfo.GetCompiledMethodCount();
        var rounds = 0;
        var compiledInLastRound = long.MaxValue;

        // A round is never cut short by the bound (its watchers would be refused for nothing): the bound stops the next.
        while (compiledInLastRound >= settings.SettledMethods && clock.Elapsed < settings.MaxDuration)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            using (var bound = RoundBound(stoppingToken))
            {
                await Task.WhenAll(Enumerable.Range(0, settings.Watchers).SelectMany(_ => new[]
                {
                    client.WatchOverWebSocketAsync(year, bound.Token),
                    client.WatchOverEventStreamAsync(year, bound.Token),
                }));
            }

            // The runtime compiles the methods a round made hot in the background, after a pause in new ones: give it that pause.
            await Task.Delay(settings.Pause, stoppingToken);
            compiledInLastRound = JitInfo.GetCompiledMethodCount() - compiled;
            rounds++;
        }

        var settled = compiledInLastRound < settings.SettledMethods
            ? "the runtime had compiled what a delivery runs"
            : $"the bound of {settings.MaxDuration.TotalSeconds:0} s ended it with the runtime still compiling";
        var deliveries = rounds * settings.Watchers * 2;
        var outcome = new RehearsalOutcome(
            RehearsalState.Rehearsed,
            $"Delivered the award of {year} {deliveries} times to watchers of its own in {clock.Elapsed.TotalSeconds:0.0} s; {settled}.",
            rounds,
            deliveries,
            JitInfo.GetCompiledMethodCount() - compiledBefore,
            compiledInLastRound);
        LiveLog.Rehearsed(log, year, outcome.Deliveries, outcome.Rounds, clock.Elapsed.TotalSeconds, outcome.CompiledMethods, compiledInLastRound);
        return outcome;
    }

    /// <summary>
    /// The bound of one round (or the first query): it takes milliseconds, and one that takes <see cref="RoundTimeout"/> has
    /// met something wrong (reported as the rehearsal's failure).
    /// </summary>
    private static CancellationTokenSource RoundBound(CancellationToken stoppingToken)
    {
        var bound = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        bound.CancelAfter(RoundTimeout);
        return bound;
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }

    /// <summary>One of the host's plain HTTP addresses, as this machine reaches it: a wildcard becomes the loopback address.</summary>
    private Uri? LoopbackAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses.Where(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
        {
            var uri = new Uri(address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal));
            var loopback = uri.Host switch
            {
                "0.0.0.0" => "127.0.0.1",
                "[::]" => "[::1]",
                var named => named,
            };
            return new UriBuilder(uri) { Host = loopback }.Uri;
        }

        return null;
    }
}

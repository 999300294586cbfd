using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// The rate limit: a token bucket per client (its address, or the secretary's name for a token holder),
/// on by default in Production and switched by <c>Kvk:RateLimiting:Enabled</c>. Every operation on every
/// transport takes one permit, and so does every other HTTP request; static files (stylesheets, scripts) take theirs
/// from a bucket of their own, <c>Kvk:RateLimiting:Assets</c>, and so do WebSocket upgrades and the subscriptions this
/// host knows already (<c>Kvk:RateLimiting:Live</c>), so that the watchers of a host that died come back at once. Long-lived
/// connections (WebSocket, event streams) are
/// capped per client, operations per WebSocket connection, and subscriptions per client across its connections, whether
/// or not the rate limit is on. The caps per client are high enough for a newsroom whose watchers all come from one NAT
/// address (an idle watcher costs a host little memory: see docs/security-and-limits.md).
/// </summary>
public sealed record RateLimits(bool Enabled, int PerSecond, int Burst, int MaxConnectionsPerClient, int MaxOperationsPerConnection)
{
    /// <summary>The default of <see cref="MaxConnectionsPerClient"/>.</summary>
    public const int DefaultMaxConnectionsPerClient = 4000;

    /// <summary>
    /// Subscriptions of one client on this host at once, over all its connections: every WebSocket operation in progress
    /// (a subscription, in practice) and every event stream.
    /// </summary>
    public int MaxSubscriptionsPerClient { get; init; } = DefaultMaxConnectionsPerClient;

    /// <summary>The bucket of static files (<see cref="AdmissionBucket.Assets"/>): permits a second.</summary>
    public int AssetsPerSecond { get; init; } = 10;

    /// <summary>The bucket of static files: its size, what a browser may fetch at once.</summary>
    public int AssetsBurst { get; init; } = 50;

    /// <summary>The bucket of WebSocket upgrades and known subscriptions (<see cref="AdmissionBucket.Live"/>): permits a second.</summary>
    public int LivePerSecond { get; init; } = 100;

    /// <summary>
    /// The bucket of WebSocket upgrades and known subscriptions: its size. By default all a client may hold at once (its
    /// connections and its subscriptions), so that a newsroom whose watchers lost their host reconnects them all at once.
    /// </summary>
    public int LiveBurst { get; init; } = 2 * DefaultMaxConnectionsPerClient;

    public static RateLimits From(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Kvk:RateLimiting");
        var connections = section.GetValue<int?>("MaxConnectionsPerClient") ?? DefaultMaxConnectionsPerClient;
        var subscriptions = section.GetValue<int?>("MaxSubscriptionsPerClient") ?? DefaultMaxConnectionsPerClient;
        return new RateLimits(
            section.GetValue<bool?>("Enabled") ?? environment.IsProduction(),
            section.GetValue<int?>("PermitsPerSecond") ?? 50,
            section.GetValue<int?>("Burst") ?? 100,
            connections,
            section.GetValue<int?>("MaxOperationsPerConnection") ?? 100)
        {
            MaxSubscriptionsPerClient = subscriptions,
            AssetsPerSecond = section.GetValue<int?>("Assets:PermitsPerSecond") ?? 10,
            AssetsBurst = section.GetValue<int?>("Assets:Burst") ?? 50,
            LivePerSecond = section.GetValue<int?>("Live:PermitsPerSecond") ?? 100,
            LiveBurst = section.GetValue<int?>("Live:Burst") ?? connections + subscriptions,
        };
    }
}

/// <summary>Why an operation or a connection was not admitted, and when to try again.</summary>
public sealed record AdmissionRefusal(string Code, string Message, TimeSpan RetryAfter)
{
    public ExecutionError ToError() => new(Message) { Code = Code };

    public string RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

public sealed class Admission : IDisposable
{
    public const string RateLimited = "RATE_LIMITED";
    public const string TooManyConnections = "TOO_MANY_CONNECTIONS";
    public const string TooManyOperations = "TOO_MANY_OPERATIONS";
    public const string TooManySubscriptions = "TOO_MANY_SUBSCRIPTIONS";

    private readonly Dictionary<AdmissionBucket, Bucket> _buckets;
    private readonly Tally _connections = new();
    private readonly Tally _subscriptions = new();

    public Admission(RateLimits limits)
    {
        Limits = limits;
        _buckets = new Dictionary<AdmissionBucket, Bucket>
        {
            [AdmissionBucket.Requests] = new(PolicyName, "operations", limits.Burst, limits.PerSecond, limits.Enabled),
            [AdmissionBucket.Assets] = new(AssetsPolicyName, "static files", limits.AssetsBurst, limits.AssetsPerSecond, limits.Enabled),
            [AdmissionBucket.Live] = new(LivePolicyName, "new connections and subscriptions", limits.LiveBurst, limits.LivePerSecond, limits.Enabled),
        };
    }

    /// <summary>One bucket of permits per client: its name in the headers, what it counts, its size and refill; no limiter when the limit is off.</summary>
    private sealed class Bucket(string name, string what, int burst, int perSecond, bool enabled)
    {
        public string Name { get; } = name;

        public string What { get; } = what;

        public int Burst { get; } = burst;

        public int PerSecond { get; } = perSecond;

        public PartitionedRateLimiter<string>? Limiter { get; } = enabled
            ? PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }))
            : null;
    }

    public RateLimits Limits { get; }

    /// <summary>Whom a request's permits are counted against: the secretary of a valid token, else the client's address.</summary>
    public static string ClientOf(HttpContext context, ClaimsPrincipal? user = null) =>
        (user ?? context.User) is { Identity: { IsAuthenticated: true, Name: { Length: > 0 } name } } ? "token:" + name
        : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>Takes one permit for an operation (or any other request) of <paramref name="client"/>; null when admitted.</summary>
    public AdmissionRefusal? Admit(string client, AdmissionBucket bucket = AdmissionBucket.Requests)
    {
        var of = _buckets[bucket];
        if (of.Limiter is not { } limiter)
        {
            return null;
        }

        using var lease = limiter.AttemptAcquire(client);
        if (lease.IsAcquired)
        {
            return null;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        return new AdmissionRefusal(RateLimited, string.Create(CultureInfo.InvariantCulture,
            $"Too many requests: at most {of.PerSecond} {of.What} a second (bursts of {of.Burst}) per client. Retry after " +
                $"{Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds))} s."), retryAfter);
    }

    /// <summary>The policy's name in the <c>RateLimit-Policy</c> and <c>RateLimit</c> headers.</summary>
    public const string PolicyName = "operations";

    /// <summary>The name of the bucket of static files in the same headers.</summary>
    public const string AssetsPolicyName = "assets";

    /// <summary>The name of the bucket of WebSocket upgrades and known subscriptions in the same headers.</summary>
    public const string LivePolicyName = "live";

    /// <summary>
    /// The rate limit as the IETF httpapi draft's <c>RateLimit-Policy</c> states it: the bucket's size as the quota,
    /// over the seconds the bucket takes to fill again; null when there is no rate limit.
    /// </summary>
    public string? Policy => PolicyOf(AdmissionBucket.Requests);

    /// <summary>As <see cref="Policy"/>, for the bucket <paramref name="bucket"/>.</summary>
    public string? PolicyOf(AdmissionBucket bucket)
    {
        var of = _buckets[bucket];
        return of.Limiter is null ? null
            : string.Create(CultureInfo.InvariantCulture, $"\"{of.Name}\";q={of.Burst};w={RefillSeconds(of.Burst, of.PerSecond)}");
    }

    /// <summary>
    /// What is left to <paramref name="client"/>, as the draft's <c>RateLimit</c> header says it: the permits it may
    /// still use now, and the seconds until its bucket is full again; null when there is no rate limit.
    /// </summary>
    public string? Remaining(string client, AdmissionBucket bucket = AdmissionBucket.Requests)
    {
        var of = _buckets[bucket];
        if (of.Limiter is not { } limiter)
        {
            return null;
        }

        var available = limiter.GetStatistics(client) is { } statistics ? (int)Math.Clamp(statistics.CurrentAvailablePermits, 0, of.Burst) : of.Burst;
        return string.Create(CultureInfo.InvariantCulture, $"\"{of.Name}\";r={available};t={RefillSeconds(of.Burst - available, of.PerSecond)}");
    }

    private static int RefillSeconds(int permits, int perSecond) => (int)Math.Ceiling(permits / (double)Math.Max(1, perSecond));

    /// <summary>Opens a long-lived connection of <paramref name="client"/>; disposing the lease closes it. Null lease: refused.</summary>
    public (IDisposable? Lease, AdmissionRefusal? Refusal) Connect(string client) =>
        _connections.Take(client, Limits.MaxConnectionsPerClient) is { } lease ? (lease, null)
        : (null, new AdmissionRefusal(TooManyConnections, "Too many open connections: at most " +
            $"{Limits.MaxConnectionsPerClient} per client. Retry after 5 s.", TimeSpan.FromSeconds(5)));

    /// <summary>
    /// Starts a subscription of <paramref name="client"/> (a WebSocket operation, an event stream); disposing the lease
    /// ends it. Null lease: refused.
    /// </summary>
    public (IDisposable? Lease, AdmissionRefusal? Refusal) Subscribe(string client) =>
        _subscriptions.Take(client, Limits.MaxSubscriptionsPerClient) is { } lease ? (lease, null)
        : (null, new AdmissionRefusal(TooManySubscriptions, "Too many subscriptions: at most " +
            $"{Limits.MaxSubscriptionsPerClient} per client. Retry after 5 s.", TimeSpan.FromSeconds(5)));

    public AdmissionRefusal TooManyOperationsOnConnection() =>
        new(TooManyOperations, $"Too many operations on this connection: at most {Limits.MaxOperationsPerConnection} at once.", TimeSpan.Zero);

    public void Dispose()
    {
        foreach (var bucket in _buckets.Values)
        {
            bucket.Limiter?.Dispose();
        }
    }

    /// <summary>What each client holds of one kind (connections, subscriptions), each taken under a cap and given back once.</summary>
    private sealed class Tally
    {
        private readonly ConcurrentDictionary<string, int> _held = new(StringComparer.Ordinal);

        public IDisposable? Take(string client, int cap)
        {
            if (_held.AddOrUpdate(client, 1, (_, n) => n + 1) > cap)
            {
                Release(client);
                return null;
            }

            return new Lease(this, client);
        }

        private void Release(string client)
        {
            if (_held.AddOrUpdate(client, 0, (_, n) => n - 1) <= 0)
            {
                _held.TryRemove(new KeyValuePair<string, int>(client, 0));
            }
        }

        private sealed class Lease(Tally tally, string client) : IDisposable
        {
            private int _released;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _released, 1) == 0)
                {
                    tally.Release(client);
                }
            }
        }
    }
}

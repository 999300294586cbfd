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
/// transport takes one permit, and so does every other HTTP request. Long-lived connections (WebSocket,
/// event streams) are capped per client, and operations per WebSocket connection, whether or not the rate
/// limit is on.
/// </summary>
public sealed record RateLimits(bool Enabled, int PerSecond, int Burst, int MaxConnectionsPerClient, int MaxOperationsPerConnection)
{
    public static RateLimits From(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Kvk:RateLimiting");
        return new RateLimits(
            section.GetValue<bool?>("Enabled") ?? environment.IsProduction(),
            section.GetValue<int?>("PermitsPerSecond") ?? 50,
            section.GetValue<int?>("Burst") ?? 100,
            section.GetValue<int?>("MaxConnectionsPerClient") ?? 100,
            section.GetValue<int?>("MaxOperationsPerConnection") ?? 100);
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

    private readonly PartitionedRateLimiter<string>? _limiter;
    private readonly ConcurrentDictionary<string, int> _connections = new(StringComparer.Ordinal);

    public Admission(RateLimits limits)
    {
        Limits = limits;
        if (limits.Enabled)
        {
            _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.Burst,
                TokensPerPeriod = limits.PerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        }
    }

    public RateLimits Limits { get; }

    /// <summary>Whom a request's permits are counted against: the secretary of a valid token, else the client's address.</summary>
    public static string ClientOf(HttpContext context, ClaimsPrincipal? user = null) =>
        (user ?? context.User) is { Identity: { IsAuthenticated: true, Name: { Length: > 0 } name } } ? "token:" + name
        : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>Takes one permit for an operation (or any other request) of <paramref name="client"/>; null when admitted.</summary>
    public AdmissionRefusal? Admit(string client)
    {
        if (_limiter is null)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(client);
        if (lease.IsAcquired)
        {
            return null;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        return new AdmissionRefusal(RateLimited, string.Create(CultureInfo.InvariantCulture,
            $"Too many requests: at most {Limits.PerSecond} operations a second (bursts of {Limits.Burst}) per client. Retry after {Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds))} s."), retryAfter);
    }

    /// <summary>The policy's name in the <c>RateLimit-Policy</c> and <c>RateLimit</c> headers.</summary>
    public const string PolicyName = "operations";

    /// <summary>
    /// The rate limit as the IETF httpapi draft's <c>RateLimit-Policy</c> states it: the bucket's size as the quota,
    /// over the seconds the bucket takes to fill again; null when there is no rate limit.
    /// </summary>
    public string? Policy => _limiter is null ? null : string.Create(CultureInfo.InvariantCulture, $"\"{PolicyName}\";q={Limits.Burst};w={RefillSeconds(Limits.Burst)}");

    /// <summary>
    /// What is left to <paramref name="client"/>, as the draft's <c>RateLimit</c> header says it: the permits it may
    /// still use now, and the seconds until its bucket is full again; null when there is no rate limit.
    /// </summary>
    public string? Remaining(string client)
    {
        if (_limiter?.GetStatistics(client) is not { } statistics)
        {
            return _limiter is null ? null : Remaining(Limits.Burst);
        }

        return Remaining((int)Math.Clamp(statistics.CurrentAvailablePermits, 0, Limits.Burst));
    }

    private string Remaining(int available) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{PolicyName}\";r={available};t={RefillSeconds(Limits.Burst - available)}");

    private int RefillSeconds(int permits) => (int)Math.Ceiling(permits / (double)Math.Max(1, Limits.PerSecond));

    /// <summary>Opens a long-lived connection of <paramref name="client"/>; disposing the lease closes it. Null lease: refused.</summary>
    public (IDisposable? Lease, AdmissionRefusal? Refusal) Connect(string client)
    {
        var count = _connections.AddOrUpdate(client, 1, (_, n) => n + 1);
        if (count > Limits.MaxConnectionsPerClient)
        {
            Release(client);
            return (null, new AdmissionRefusal(TooManyConnections, $"Too many open connections: at most {Limits.MaxConnectionsPerClient} per client.", TimeSpan.FromSeconds(5)));
        }

        return (new Lease(this, client), null);
    }

    public AdmissionRefusal TooManyOperationsOnConnection() =>
        new(TooManyOperations, $"Too many operations on this connection: at most {Limits.MaxOperationsPerConnection} at once.", TimeSpan.Zero);

    private void Release(string client)
    {
        if (_connections.AddOrUpdate(client, 0, (_, n) => n - 1) <= 0)
        {
            _connections.TryRemove(new KeyValuePair<string, int>(client, 0));
        }
    }

    public void Dispose() => _limiter?.Dispose();

    private sealed class Lease(Admission admission, string client) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                admission.Release(client);
            }
        }
    }
}

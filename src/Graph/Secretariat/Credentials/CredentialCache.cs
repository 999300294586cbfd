using System.Collections.Concurrent;
using Npgsql;

namespace Kvk.Graph.Secretariat.Credentials;

/// <summary>
/// This host's copy of the issued credentials, so that a request does not read the table: forgotten as soon as any
/// credential changes (<c>LISTEN kvk_credentials</c>, which <see cref="CredentialTables"/>' trigger notifies on every host),
/// and in any case read again once it is older than <see cref="MaxAge"/>, so that a notification lost with a
/// connection leaves a revoked credential valid for at most that long.
/// </summary>
public sealed class CredentialCache(CredentialStore store, NpgsqlDataSource dataSource, TimeProvider clock, ILogger<CredentialCache> log) : BackgroundService
{
    /// <summary>The longest this host answers from what it read, whether or not it heard of a change.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly Lock _forgetting = new();
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _awaited = new();
    private Snapshot? _snapshot;
    private long _generation;

    /// <summary>The credentials as this host knows them now, read again first when that knowledge is stale.</summary>
    public async ValueTask<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Fresh(Volatile.Read(ref _snapshot)) is { } known)
        {
            return known;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(Volatile.Read(ref _snapshot)) is { } loaded)
            {
                return loaded;
            }

            // A change heard while this reads may be missing from what it read: then that answers this caller once and is not kept.
            var generation = Interlocked.Read(ref _generation);
            var snapshot = new Snapshot(await store.AllAsync(cancellationToken), clock.GetTimestamp());
            lock (_forgetting)
            {
                if (_generation == generation)
                {
                    _snapshot = snapshot;
                }
            }

            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Completes once this host has heard of a change to the credential <paramref name="id"/> and forgotten what it knew (for tests).</summary>
    public Task Heard(Guid id) => _awaited.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    private Snapshot? Fresh(Snapshot? snapshot) => snapshot is not null && clock.GetElapsedTime(snapshot.ReadAt) < MaxAge ? snapshot : null;

    private void Forget()
    {
        lock (_forgetting)
        {
            _generation++;
            _snapshot = null;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
            {
                // Unheard changes are bounded by MaxAge meanwhile.
                CredentialLog.ListenFailed(log, e);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        connection.Notification += (_, e) =>
        {
            Forget();
            if (Guid.TryParse(e.Payload, out var id) && _awaited.TryRemove(id, out var awaited))
            {
                awaited.TrySetResult();
            }
        };
        await using (var listen = new NpgsqlCommand($"listen {CredentialTables.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // Whatever changed before this LISTEN went unheard.
        Forget();
        while (!stoppingToken.IsCancellationRequested)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    /// <summary>The credentials as read at <see cref="ReadAt"/> (a <see cref="TimeProvider"/> timestamp), by the hash of their token and by id.</summary>
    public sealed class Snapshot(IReadOnlyList<IssuedCredential> credentials, long readAt)
    {
        private readonly Dictionary<string, IssuedCredential> _byHash = credentials.ToDictionary(c => Convert.ToHexString(c.Sha256), StringComparer.Ordinal);
        private readonly Dictionary<Guid, IssuedCredential> _byId = credentials.ToDictionary(c => c.Id);

        public long ReadAt { get; } = readAt;

        public IReadOnlyList<IssuedCredential> All { get; } = credentials;

        // A dictionary by hash is not a constant-time comparison, and need not be: the key is the SHA-256 of what was
        // sent, so its timing tells an attacker nothing about any stored token's preimage.
        public IssuedCredential? ByHash(byte[] sha256) => _byHash.GetValueOrDefault(Convert.ToHexString(sha256));

        public IssuedCredential? ById(Guid id) => _byId.GetValueOrDefault(id);

        /// <summary>The issued credentials that may ask anything at <paramref name="now"/>, in <paramref name="role"/>.</summary>
        public int ValidAt(DateTimeOffset now, string role) => All.Count(c => c.Role == role && c.StatusAt(now) == CredentialStatus.Valid);
    }
}

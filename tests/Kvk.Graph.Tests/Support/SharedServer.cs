namespace Kvk.Graph.Tests.Support;

/// <summary>
/// One host for the fixtures of several test classes, so that the classes run in parallel (each is a collection of
/// its own) without a host each: started by the first fixture that asks, stopped when the last one lets go.
/// </summary>
public sealed class SharedServer(Func<Task<KvkTestServer>> start)
{
    private readonly Lock _holding = new();
    private Task<KvkTestServer>? _server;
    private int _holders;

    public Task<KvkTestServer> AcquireAsync()
    {
        lock (_holding)
        {
            _holders++;
            return _server ??= start();
        }
    }

    public async Task ReleaseAsync()
    {
        Task<KvkTestServer>? last = null;
        lock (_holding)
        {
            if (--_holders == 0)
            {
                (last, _server) = (_server, null);
            }
        }

        if (last is not null)
        {
            await (await last).DisposeAsync();
        }
    }
}

using Kvk.Graph.Live;

namespace Kvk.Graph.Tests.Live;

/// <summary>The hot observable every live change goes out through, apart from GraphQL and the database.</summary>
public sealed class BroadcastTests
{
    [Fact]
    public void A_value_goes_to_the_observers_subscribed_when_it_is_published_and_not_to_those_that_left()
    {
        var broadcast = new Broadcast<string>();
        var (staying, leaving, later) = (new Recorder(), new Recorder(), new Recorder());
        using var stays = broadcast.Subscribe(staying);
        var leaves = broadcast.Subscribe(leaving);

        broadcast.Publish("first");
        leaves.Dispose();
        leaves.Dispose();
        using var comes = broadcast.Subscribe(later);
        broadcast.Publish("second");

        Assert.Equal(["first", "second"], staying.Values);
        Assert.Equal(["first"], leaving.Values);
        Assert.Equal(["second"], later.Values);
        Assert.Equal(2, broadcast.Count);
    }

    [Fact]
    public void An_observer_that_leaves_or_subscribes_another_while_a_value_goes_out_changes_only_later_values()
    {
        var broadcast = new Broadcast<string>();
        var joined = new Recorder();
        IDisposable? own = null;
        var leaver = new Recorder(_ =>
        {
            own!.Dispose();
            broadcast.Subscribe(joined);
        });
        own = broadcast.Subscribe(leaver);
        var after = new Recorder();
        using var stays = broadcast.Subscribe(after);

        broadcast.Publish("first");
        broadcast.Publish("second");

        Assert.Equal(["first"], leaver.Values);
        Assert.Equal(["first", "second"], after.Values);
        Assert.Equal(["second"], joined.Values);
    }

    [Fact]
    public void Thousands_subscribing_and_leaving_at_once_cost_memory_in_proportion_to_their_number_not_its_square()
    {
        const int Watchers = 10_000;
        var broadcast = new Broadcast<string>();
        var observers = Enumerable.Range(0, Watchers).Select(_ => new Recorder()).ToList();
        broadcast.Publish("warm");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var subscriptions = observers.Select(broadcast.Subscribe).ToList();
        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }

        // A copy of every observer on each subscribe and leave would be about 10,000² × 8 bytes (800 MB); a list node
        // and a handle each are well under a kilobyte.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < Watchers * 1_000L, $"{allocated:N0} bytes for {Watchers:N0} watchers");
        Assert.Equal(0, broadcast.Count);
    }

    private sealed class Recorder(Action<string>? onNext = null) : IObserver<string>
    {
        public List<string> Values { get; } = [];

        public void OnCompleted()
        {
        }

        public void OnError(Exception error) => throw error;

        public void OnNext(string value)
        {
            Values.Add(value);
            onNext?.Invoke(value);
        }
    }
}

using JasperFx.Events;

namespace Kvk.Storage.Tests;

/// <summary>Events of one round stream as the store would hand them to a projection: numbered, timed and keyed, without a database.</summary>
public sealed class RoundEvents(string key)
{
    public static readonly DateTimeOffset Start = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly List<IEvent> _events = [];

    public IReadOnlyList<IEvent> Events => _events;

    public RoundEvents Then(object data)
    {
        var version = _events.Count + 1;
        var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
        e.StreamKey = key;
        e.Version = version;
        e.Sequence = 1000 + version;
        e.Timestamp = Start.AddDays(version);
        e.UserName = "Anna Andersson";
        _events.Add(e);
        return this;
    }
}

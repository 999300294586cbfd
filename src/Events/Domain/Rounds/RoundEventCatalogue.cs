using System.Reflection;

namespace Kvk.Domain.Rounds;

/// <summary>A kind of round event as its declaration gives it.</summary>
public sealed record RoundEventKind(Type Type, string StoredName, RoundEventTelling Telling);

/// <summary>
/// Every kind of round event, found among this assembly's declarations (<see cref="IRoundEvent{TSelf}"/>): a new event
/// is a new file under <c>Events/</c>, and no list elsewhere. The store maps the stored names from here, history and
/// the pages tell events from here.
/// </summary>
public static class RoundEventCatalogue
{
    /// <summary>Every kind, by stored name.</summary>
    public static IReadOnlyList<RoundEventKind> All { get; } = Declared();

    private static readonly Dictionary<Type, RoundEventKind> ByType = All.ToDictionary(k => k.Type);

    private static readonly Dictionary<string, RoundEventKind> ByName = All.ToDictionary(k => k.StoredName, StringComparer.Ordinal);

    /// <summary>The kind of a round event.</summary>
    public static RoundEventKind Of(object @event) =>
        ByType.TryGetValue(@event.GetType(), out var kind) ? kind : throw new ArgumentException($"{@event.GetType().Name} is no round event.", nameof(@event));

    /// <summary>The kind stored under a name, e.g. "round_opened"; null for no kind.</summary>
    public static RoundEventKind? Named(string storedName) => ByName.GetValueOrDefault(storedName);

    private static List<RoundEventKind> Declared()
    {
        var declare = typeof(RoundEventCatalogue).GetMethod(nameof(Declare), BindingFlags.NonPublic | BindingFlags.Static)!;
        var kinds = typeof(IRoundEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IRoundEvent)))
            .Select(t => t.IsAssignableTo(typeof(IRoundEvent<>).MakeGenericType(t))
                ? (RoundEventKind)declare.MakeGenericMethod(t).Invoke(null, null)!
                : throw new InvalidOperationException($"{t.Name} is a round event without its declaration: it implements IRoundEvent<{t.Name}>, with its " +
                    "stored name and telling."))
            .OrderBy(k => k.StoredName, StringComparer.Ordinal)
            .ToList();
        if (kinds.GroupBy(k => k.StoredName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"The stored name \"{twice.Key}\" is declared by {string.Join(" and ", twice.Select(k => k.Type.Name))}.");
        }

        return kinds;
    }

    private static RoundEventKind Declare<T>()
        where T : IRoundEvent<T> => new(typeof(T), T.StoredName, T.Telling);
}

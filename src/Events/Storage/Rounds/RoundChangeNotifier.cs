namespace Kvk.Storage.Rounds;

/// <summary>
/// Told by <see cref="RoundRecorder"/> after a change to a round was committed, with the round's version after it
/// and the kinds of the events it appended (e.g. <c>AwardAnnounced</c>), so that live subscribers on every host
/// can be given the round as that change left it.
/// </summary>
public interface IRoundChangeNotifier
{
    Task RoundChangedAsync(int year, long version, IReadOnlyList<string> eventKinds, CancellationToken cancellationToken);
}

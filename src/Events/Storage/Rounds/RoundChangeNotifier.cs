using Kvk.Domain.Rounds;
namespace Kvk.Storage.Rounds;

/// <summary>
/// Told by <see cref="RoundRecorder"/> after a change to a round was committed, with the kinds of the events it
/// appended (e.g. <c>AwardAnnounced</c>), so that live subscribers on every host can be updated.
/// </summary>
public interface IRoundChangeNotifier
{
    Task RoundChangedAsync(int year, IReadOnlyList<string> eventKinds, CancellationToken cancellationToken);
}

using JasperFx.Events;
using Kvk.Domain.Municipalities;
using Kvk.Storage.Awards;
using Kvk.Storage.Nominations;

namespace Kvk.Storage.Rounds;

/// <summary>Every read-model document of one round: the round, its award once announced, and its nominations.</summary>
public sealed record RoundViews(RoundView? Round, AwardView? Award, IReadOnlyList<NominationView> Nominations)
{
    /// <summary>
    /// Folds a round stream's events, oldest first, with the projections' own code: the same documents the inline
    /// projections keep, for any prefix of the stream (time travel, a change as it was pushed, a rebuild).
    /// </summary>
    public static RoundViews Fold(string streamKey, IEnumerable<IEvent> events, MunicipalityDirectory municipalities)
    {
        var (rounds, awards, nominations) = (new RoundViewProjection(), new AwardViewProjection(municipalities), new NominationViewProjection(municipalities));
        RoundView? round = null;
        AwardView? award = null;
        var byNomination = new Dictionary<string, NominationView?>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            round = rounds.Evolve(round, streamKey, e);
            award = awards.Evolve(award, streamKey, e);
            if (NominationViewProjection.IdOf(e) is { } id)
            {
                byNomination[id] = nominations.Evolve(byNomination.GetValueOrDefault(id), id, e);
            }
        }

        return new RoundViews(round, award, [.. byNomination.Values.OfType<NominationView>()]);
    }
}

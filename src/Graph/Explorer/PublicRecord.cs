using Kvk.Domain.Rounds;
using Kvk.Storage.Awards;
using Kvk.Storage.Nominations;
using Kvk.Storage.Programmes;
using Kvk.Storage.Rounds;
using Marten;

namespace Kvk.Graph.Explorer;

/// <summary>
/// A round as the public may see it: everything of <see cref="RoundView"/> but the jury's decision, which
/// stays secret until the announcement (the announced award is an <see cref="AwardView"/> of its own).
/// </summary>
public sealed record PublicRound(int Year, RoundStatus Status, IReadOnlyList<string> NomineeCodes)
{
    public static PublicRound Of(RoundView round) => new(round.Year, round.Status, [.. round.Nominees.Select(n => n.MunicipalityCode)]);
}

/// <summary>
/// The award's whole public record (Sveriges KvalitetsKommun's rounds, announced awards and nominations),
/// read from the projected documents in one round trip. It is a few dozen documents, so every page reads
/// it whole and the response cache keeps the pages until something is recorded.
/// </summary>
public sealed class PublicRecord
{
    private PublicRecord(IReadOnlyList<PublicRound> rounds, IReadOnlyList<AwardView> awards, IReadOnlyList<NominationView> nominations)
    {
        Rounds = rounds;
        Awards = awards;
        Nominations = nominations;
    }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<PublicRound> Rounds { get; }

    /// <summary>The announced awards, oldest first.</summary>
    public IReadOnlyList<AwardView> Awards { get; }

    /// <summary>Every nomination, withdrawn ones included, oldest round first.</summary>
    public IReadOnlyList<NominationView> Nominations { get; }

    public PublicRound? Round(int year) => Rounds.FirstOrDefault(r => r.Year == year);

    public AwardView? Award(int year) => Awards.FirstOrDefault(a => a.Year == year);

    /// <summary>The nominations still standing in a round.</summary>
    public IEnumerable<NominationView> Standing(int year) => Nominations.Where(n => n.Year == year && n.WithdrawnAt is null);

    public IEnumerable<NominationView> Withdrawn(int year) => Nominations.Where(n => n.Year == year && n.WithdrawnAt is not null);

    public static async Task<PublicRecord> ReadAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var batch = session.CreateBatchQuery();
        var rounds = batch.Query<RoundView>().Where(r => r.Programme == AwardProgramme.Main).OrderBy(r => r.Year).ToList();
        var awards = batch.Query<AwardView>().Where(a => a.Programme == AwardProgramme.Main).OrderBy(a => a.Year).ToList();
        var nominations = batch.Query<NominationView>().Where(n => n.Programme == AwardProgramme.Main).OrderBy(n => n.Year).ThenBy(n => n.NominatedAt).ToList();
        await batch.Execute(cancellationToken);
        return new PublicRecord([.. (await rounds).Select(PublicRound.Of)], await awards, await nominations);
    }
}

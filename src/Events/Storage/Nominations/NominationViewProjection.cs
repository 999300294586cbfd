using JasperFx.Events;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Storage.Programmes;
using Kvk.Storage.Store;
using Marten.Events.Projections;

namespace Kvk.Storage.Nominations;

/// <summary>One <see cref="NominationView"/> per municipality and round, from the round streams.</summary>
public sealed class NominationViewProjection : MultiStreamProjection<NominationView, string>
{
    private readonly MunicipalityDirectory _municipalities;

    public NominationViewProjection(MunicipalityDirectory municipalities)
    {
        _municipalities = municipalities;
        Identity<IEvent<MunicipalityNominated>>(e => IdOf(e)!);
        Identity<IEvent<NominationWithdrawn>>(e => IdOf(e)!);
        Identity<IEvent<AwardAnnounced>>(e => IdOf(e)!);
    }

    public override NominationView? Evolve(NominationView? snapshot, string id, IEvent e) => e.Data switch
    {
        // Nominated again after a withdrawal: the nomination stands again, and its history keeps the withdrawal.
        MunicipalityNominated again when snapshot is not null => snapshot with
        {
            NominatedAt = e.RecordedAt(),
            Sources = again.Sources ?? [],
            WithdrawnAt = null,
            WithdrawalReason = null,
            History = [.. snapshot.History, new NominationChange(NominationChangeKind.Nominated, e.RecordedAt(), null)],
        },
        MunicipalityNominated n when _municipalities.Find(n.MunicipalityCode) is { } m => new NominationView
        {
            Id = id,
            Year = n.Year,
            Programme = AwardProgramme.Of(e.StreamKey!),
            MunicipalityCode = m.Code,
            MunicipalityName = m.Name,
            CountyCode = m.County.Code,
            NominatedAt = e.RecordedAt(),
            Sources = n.Sources ?? [],
            History = [new NominationChange(NominationChangeKind.Nominated, e.RecordedAt(), null)],
        },
        NominationWithdrawn w when snapshot is not null => snapshot with
        {
            WithdrawnAt = e.RecordedAt(),
            WithdrawalReason = w.Reason,
            History = [.. snapshot.History, new NominationChange(NominationChangeKind.Withdrawn, e.RecordedAt(), w.Reason)],
        },
        AwardAnnounced when snapshot is not null => snapshot with { IsWinner = true },
        _ => snapshot,
    };

    /// <summary>The nomination an event concerns, or null for events that concern none.</summary>
    public static string? IdOf(IEvent e) => e.Data switch
    {
        MunicipalityNominated n => NominationView.IdFor(AwardProgramme.Of(e.StreamKey!), n.Year, n.MunicipalityCode),
        NominationWithdrawn w => NominationView.IdFor(AwardProgramme.Of(e.StreamKey!), w.Year, w.MunicipalityCode),
        AwardAnnounced a => NominationView.IdFor(AwardProgramme.Of(e.StreamKey!), a.Year, a.MunicipalityCode),
        _ => null,
    };
}

using JasperFx.Events;
using Kvk.Events.Municipalities;
using Kvk.Events.Rounds;
using Marten.Events.Projections;

namespace Kvk.Events.Nominations;

/// <summary>One <see cref="NominationView"/> per municipality and round, from the round streams.</summary>
public sealed class NominationViewProjection : MultiStreamProjection<NominationView, string>
{
    private readonly MunicipalityDirectory _municipalities;

    public NominationViewProjection(MunicipalityDirectory municipalities)
    {
        _municipalities = municipalities;
        Identity<MunicipalityNominated>(e => NominationView.IdFor(e.Year, e.MunicipalityCode));
        Identity<NominationWithdrawn>(e => NominationView.IdFor(e.Year, e.MunicipalityCode));
        Identity<AwardAnnounced>(e => NominationView.IdFor(e.Year, e.MunicipalityCode));
    }

    public override NominationView? Evolve(NominationView? snapshot, string id, IEvent e) => e.Data switch
    {
        MunicipalityNominated n when _municipalities.Find(n.MunicipalityCode) is { } m => new NominationView
        {
            Id = id,
            Year = n.Year,
            MunicipalityCode = m.Code,
            MunicipalityName = m.Name,
            CountyCode = m.County.Code,
            NominatedAt = e.Timestamp,
        },
        NominationWithdrawn w when snapshot is not null => snapshot with { WithdrawnAt = e.Timestamp, WithdrawalReason = w.Reason },
        AwardAnnounced when snapshot is not null => snapshot with { IsWinner = true },
        _ => snapshot,
    };
}

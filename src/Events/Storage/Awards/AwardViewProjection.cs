using JasperFx.Events;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Storage.Programmes;
using Kvk.Storage.Store;
using Marten.Events.Aggregation;

namespace Kvk.Storage.Awards;

/// <summary>Creates an <see cref="AwardView"/> when a round's award is announced and keeps its motivation current.</summary>
public sealed class AwardViewProjection(MunicipalityDirectory municipalities) : SingleStreamProjection<AwardView, string>
{
    public override AwardView? Evolve(AwardView? snapshot, string id, IEvent e) => e.Data switch
    {
        AwardAnnounced a when municipalities.Find(a.MunicipalityCode) is { } m => new AwardView
        {
            Id = id,
            Year = a.Year,
            Programme = AwardProgramme.Of(id),
            RecipientName = a.RecipientName,
            Motivation = a.Motivation,
            MunicipalityCode = m.Code,
            MunicipalityName = m.Name,
            CountyCode = m.County.Code,
            CountyName = m.County.Name,
            AnnouncedAt = a.AnnouncedAt,
            AnnouncedOn = a.AnnouncedOn,
            Sources = a.Sources ?? [],
            RecordedAt = e.RecordedAt(),
        },
        MotivationCorrected c when snapshot is not null => snapshot with { Motivation = c.Motivation, Sources = [.. snapshot.Sources, .. c.Sources ?? []] },
        _ => snapshot,
    };
}

using JasperFx.Events;
using Kvk.Domain.Rounds;
using Kvk.Storage.Programmes;
using Kvk.Storage.Store;
using Marten.Events.Aggregation;

namespace Kvk.Storage.Rounds;

/// <summary>Folds a round's stream into its <see cref="RoundView"/>, inline with every append.</summary>
public sealed class RoundViewProjection : SingleStreamProjection<RoundView, string>
{
    public override RoundView? Evolve(RoundView? snapshot, string id, IEvent e)
    {
        var view = e.Data switch
        {
            RoundOpened opened => new RoundView
            {
                Id = id,
                Year = opened.Year,
                Programme = AwardProgramme.Of(id),
                Status = RoundStatus.Nominating,
                Version = e.Version,
                OpenedAt = e.RecordedAt(),
                UpdatedAt = e.RecordedAt(),
            },
            _ when snapshot is null => null,
            MunicipalityNominated n => snapshot with { Nominees = [.. snapshot.Nominees, new NomineeEntry(n.MunicipalityCode, e.RecordedAt())] },
            NominationWithdrawn w => snapshot with { Nominees = [.. snapshot.Nominees.Where(x => x.MunicipalityCode != w.MunicipalityCode)] },
            NominationsClosed => snapshot with { Status = RoundStatus.Judging },
            JuryDecisionRecorded d => snapshot with
            {
                Status = RoundStatus.Decided,
                Decision = new DecisionEntry(d.MunicipalityCode, d.RecipientName, d.Motivation, e.RecordedAt()) { Sources = d.Sources ?? [] },
            },
            AwardAnnounced a => snapshot with
            {
                Status = RoundStatus.Announced,
                Announcement = new AnnouncementEntry(a.AnnouncedAt, e.RecordedAt()) { AnnouncedOn = a.AnnouncedOn },
                ScheduledAnnouncement = null,
            },
            AnnouncementScheduled s => snapshot with { ScheduledAnnouncement = s.At },
            ScheduledAnnouncementCancelled => snapshot with { ScheduledAnnouncement = null },
            DecisionRevised r when snapshot.Decision is not null => snapshot with
            {
                Decision = snapshot.Decision with { MunicipalityCode = r.MunicipalityCode, RecipientName = r.RecipientName, Motivation = r.Motivation },
            },
            MotivationCorrected c when snapshot.Decision is not null => snapshot with
            {
                Decision = snapshot.Decision with { Motivation = c.Motivation, Sources = [.. snapshot.Decision.Sources, .. c.Sources ?? []] },
            },
            NomineeListSourced l => snapshot with { NomineesKnown = l.Known, NomineeSources = [.. snapshot.NomineeSources, .. l.Sources] },
            RoundNoteAdded n => snapshot with { Notes = [.. snapshot.Notes, new RoundNote(n.Note, n.Sources)] },
            _ => snapshot,
        };
        return view is null ? null : view with { Version = e.Version, UpdatedAt = e.RecordedAt() };
    }
}

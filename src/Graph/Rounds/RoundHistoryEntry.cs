using System.Globalization;
using JasperFx.Events;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Graph.Engine.Schema;
using Kvk.Storage.Municipalities;
using Kvk.Storage.Rounds;

namespace Kvk.Graph.Rounds;

/// <summary>One event of a round as the public (or the secretariat) may read it.</summary>
public sealed record RoundHistoryEntry(
    long Sequence,
    long Version,
    string Type,
    DateTimeOffset OccurredAt,
    string? Actor,
    string Summary,
    string? MunicipalityCode,
    string? Motivation,
    string? Reason,
    string? Note = null,
    DateTimeOffset? ScheduledAt = null)
{
    /// <summary>
    /// Describes the events of one round stream, oldest first. Until the round is announced, the jury's
    /// decision (and any revision of it) is only said to exist unless <paramref name="secretariat"/> is asking. The
    /// secretariat's internal notes are left out unless it is asking.
    /// </summary>
    public static IReadOnlyList<RoundHistoryEntry> Describe(IReadOnlyList<IEvent> events, MunicipalityDirectory municipalities, bool secretariat)
    {
        var disclosed = secretariat || events.Any(e => e.Data is AwardAnnounced);
        string Name(string code) => municipalities.Find(code)?.Name ?? code;
        return [.. events.OrderBy(e => e.Version).Where(e => secretariat || e.Data is not InternalNoteRecorded).Select(e =>
        {
            var entry = new RoundHistoryEntry(e.Sequence, e.Version, RoundEventNames.Of(e.Data), e.Timestamp, e.UserName, "", null, null, null);
            return e.Data switch
            {
                RoundOpened o => entry with { Summary = Invariant($"Opened the {o.Year} round.") },
                MunicipalityNominated n => entry with { Summary = $"Nominated {Name(n.MunicipalityCode)} ({n.MunicipalityCode}).", MunicipalityCode = n.MunicipalityCode },
                NominationWithdrawn w => entry with { Summary = $"Withdrew the nomination of {Name(w.MunicipalityCode)}: {w.Reason}", MunicipalityCode = w.MunicipalityCode, Reason = w.Reason },
                NominationsClosed => entry with { Summary = "Closed the nominations; the jury reviews the nominees." },
                JuryDecisionRecorded d when disclosed => entry with { Summary = $"Recorded the jury's decision: {d.RecipientName}.", MunicipalityCode = d.MunicipalityCode, Motivation = d.Motivation },
                JuryDecisionRecorded => entry with { Summary = "Recorded the jury's decision (secret until the award is announced)." },
                AwardAnnounced a => entry with { Summary = $"Announced the award to {a.RecipientName}.", MunicipalityCode = a.MunicipalityCode, Motivation = a.Motivation },
                MotivationCorrected c => entry with { Summary = $"Corrected the motivation: {c.Reason}", Motivation = c.Motivation, Reason = c.Reason },
                DecisionRevised r when disclosed => entry with { Summary = $"Revised the jury's decision: {r.RecipientName}. {r.Reason}", MunicipalityCode = r.MunicipalityCode, Motivation = r.Motivation, Reason = r.Reason },
                DecisionRevised => entry with { Summary = "Revised the jury's decision (secret until the award is announced)." },
                AnnouncementScheduled s => entry with { Summary = Invariant($"Scheduled the announcement for {s.At:yyyy-MM-dd HH:mm zzz}."), ScheduledAt = s.At },
                ScheduledAnnouncementCancelled => entry with { Summary = "Cancelled the scheduled announcement." },
                InternalNoteRecorded n => entry with { Summary = "Internal note (secretariat only).", MunicipalityCode = n.MunicipalityCode, Note = n.Note },
                NomineeListSourced l => entry with
                {
                    Summary = $"Recorded the sources of the list of nominees ({ConstantName.Of(l.Known)}): " +
                        $"{string.Join("; ", l.Sources.Select(x => x.Title))}.",
                },
                RoundNoteAdded n => entry with { Summary = $"Added a note: {n.Note}" },
                _ => entry with { Summary = entry.Type },
            };
        })];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

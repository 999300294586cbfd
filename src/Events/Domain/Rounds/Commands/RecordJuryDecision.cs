using Kvk.Domain.Municipalities;
using Kvk.Domain.Sources;

namespace Kvk.Domain.Rounds;

/// <summary>
/// Records the jury's decision: the winning nominee and the motivation. Secret until the award is announced. Closes
/// the nominations if they are still open.
/// </summary>
/// <param name="RecipientName">The name the award is given to, e.g. "Helsingborgs stad"; defaults to the municipality's official name.</param>
/// <param name="Source">Where the decision and its motivation are published, where given.</param>
public sealed record RecordJuryDecision(
    int Year,
    string MunicipalityCode,
    string Motivation,
    string? RecipientName,
    Source? Source = null) : RoundCommand(Year), IDeclaredRefusals
{
    public static IReadOnlyList<RefusalCode> Refusals =>
        [
            RefusalCode.InvalidInput,
            RefusalCode.RoundNotFound,
            RefusalCode.UnknownMunicipality,
            RefusalCode.AlreadyAnnounced,
            RefusalCode.AlreadyDecided,
            RefusalCode.NotNominated,
        ];

    public override RoundOutcome Decide(Round? round, MunicipalityDirectory municipalities)
    {
        var invalid = RoundRules.RequiredText(Motivation, "motivation", RoundRules.MaxMotivationLength)
            ?? (RecipientName is not null ? RoundRules.RequiredText(RecipientName, "recipient name", RoundRules.MaxNameLength) : null)
            ?? SourceRules.Invalid(Source);
        if ((invalid ?? Missing(round)) is { } refused)
        {
            return refused;
        }

        if (municipalities.Find(MunicipalityCode) is not { } municipality)
        {
            return RoundRules.UnknownMunicipality(MunicipalityCode);
        }

        if (round!.Status == RoundStatus.Announced)
        {
            return RoundOutcome.Refuse(RefusalCode.AlreadyAnnounced, $"The {round.Year} award is already announced; correct the motivation instead.");
        }

        if (round.Decision is not null)
        {
            return RoundOutcome.Refuse(RefusalCode.AlreadyDecided, $"The jury's decision for {round.Year} is already recorded.");
        }

        if (!round.IsNominated(municipality.Code))
        {
            return RoundRules.NotNominated(municipality, round.Year);
        }

        var events = new List<object>();
        if (round.Status == RoundStatus.Nominating)
        {
            // A decision ends the nominating; recording that fact keeps the history honest about when it happened.
            events.Add(new NominationsClosed(round.Year));
        }

        events.Add(new JuryDecisionRecorded(
            round.Year,
            municipality.Code,
            RecipientName?.Trim() ?? municipality.OfficialName,
            Motivation.Trim(),
            SourceRules.Recorded(Source, SourceSupports.Decision)));
        return RoundOutcome.Accept([.. events]);
    }
}

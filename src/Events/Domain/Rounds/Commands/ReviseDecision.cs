using Kvk.Domain.Municipalities;

namespace Kvk.Domain.Rounds;

/// <summary>
/// Revises the recorded decision before the announcement: another winner among the standing nominees and/or a new
/// motivation, with the reason. Secret like the decision; the earlier decision stays in the round's history.
/// </summary>
/// <param name="MunicipalityCode">The winner after the revision; null keeps the recorded one.</param>
/// <param name="Motivation">The motivation after the revision, in full; null keeps the recorded one.</param>
/// <param name="RecipientName">The recipient's name; null keeps the recorded one, or for another winner its official name.</param>
public sealed record ReviseDecision(
    int Year,
    string? MunicipalityCode,
    string? Motivation,
    string? RecipientName,
    string Reason) : RoundCommand(Year), IDeclaredRefusals
{
    public static IReadOnlyList<RefusalCode> Refusals =>
        [
            RefusalCode.InvalidInput,
            RefusalCode.RoundNotFound,
            RefusalCode.UnknownMunicipality,
            RefusalCode.AlreadyAnnounced,
            RefusalCode.DecisionRequired,
            RefusalCode.NotNominated,
        ];

    public override RoundOutcome Decide(Round? round, MunicipalityDirectory municipalities)
    {
        var invalid = RoundRules.RequiredText(Reason, "reason", RoundRules.MaxReasonLength)
            ?? (Motivation is not null ? RoundRules.RequiredText(Motivation, "motivation", RoundRules.MaxMotivationLength) : null)
            ?? (RecipientName is not null ? RoundRules.RequiredText(RecipientName, "recipient name", RoundRules.MaxNameLength) : null);
        if ((invalid ?? Missing(round)) is { } refused)
        {
            return refused;
        }

        if (round!.Status == RoundStatus.Announced)
        {
            return RoundOutcome.Refuse(RefusalCode.AlreadyAnnounced, $"The {round.Year} award is already announced; correct the motivation instead.");
        }

        if (round.Decision is not { } decision)
        {
            return RoundOutcome.Refuse(RefusalCode.DecisionRequired, $"The jury has not decided the {round.Year} round; record the decision first.");
        }

        var winner = decision.MunicipalityCode;
        var recipient = RecipientName?.Trim() ?? decision.RecipientName;
        if (MunicipalityCode is not null && MunicipalityCode.Trim() != decision.MunicipalityCode)
        {
            if (municipalities.Find(MunicipalityCode.Trim()) is not { } municipality)
            {
                return RoundRules.UnknownMunicipality(MunicipalityCode);
            }

            if (!round.IsNominated(municipality.Code))
            {
                return RoundRules.NotNominated(municipality, round.Year);
            }

            winner = municipality.Code;
            recipient = RecipientName?.Trim() ?? municipality.OfficialName;
        }

        var revised = new RoundDecision(winner, recipient, Motivation?.Trim() ?? decision.Motivation);
        return revised == decision
            ? RoundOutcome.Refuse(RefusalCode.InvalidInput, "The revision changes nothing: give another winner, recipient name or motivation.")
            : RoundOutcome.Accept(new DecisionRevised(round.Year, revised.MunicipalityCode, revised.RecipientName, revised.Motivation, Reason.Trim()));
    }
}

using Kvk.Domain.Municipalities;

namespace Kvk.Domain.Rounds;

/// <summary>
/// The rules of a round: a pure function from the round's current state and a command to new events or a typed
/// refusal. No storage, no clock, no HTTP. Each command's own rule is in its file (<see cref="RoundCommand.Decide"/>);
/// what all of them share is here.
/// </summary>
public static class RoundRules
{
    /// <summary>Long enough for any motivation the jury has written (the longest is under 700 characters), short enough to catch a pasted document.</summary>
    public const int MaxMotivationLength = 4000;

    public const int MaxReasonLength = 1000;

    public const int MaxNameLength = 200;

    public static RoundOutcome Decide(Round? round, RoundCommand command, MunicipalityDirectory municipalities) =>
        AwardYear.IsPlausible(command.Year)
            ? command.Decide(round, municipalities)
            : RoundOutcome.Refuse(RefusalCode.InvalidInput, $"{command.Year} is not an award year: the award is given in odd years from {AwardYear.First} " +
                $"to {AwardYear.Last}.");

    /// <summary>A text that must hold something, and not too much; null when it does.</summary>
    public static RoundOutcome? RequiredText(string? text, string name, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return RoundOutcome.Refuse(RefusalCode.InvalidInput, $"The {name} must not be empty.");
        }

        return text.Trim().Length > maxLength
            ? RoundOutcome.Refuse(RefusalCode.InvalidInput, $"The {name} is {text.Trim().Length} characters long; at most {maxLength} are allowed.")
            : null;
    }

    public static RoundOutcome UnknownMunicipality(string code) =>
        RoundOutcome.Refuse(RefusalCode.UnknownMunicipality, $"\"{code}\" is not the 4-digit code of one of Sweden's 290 municipalities.");

    public static RoundOutcome NotNominated(Municipality municipality, int year) =>
        RoundOutcome.Refuse(RefusalCode.NotNominated, $"{municipality.Name} is not nominated for {year}.");
}

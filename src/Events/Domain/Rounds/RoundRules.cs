using Kvk.Domain.Municipalities;

namespace Kvk.Domain.Rounds;

/// <summary>Either the events a command produces or the reason it was refused.</summary>
public sealed record RoundOutcome(IReadOnlyList<object> Events, RoundRefusal? Refusal)
{
    public bool IsAccepted => Refusal is null;

    public static RoundOutcome Accept(params object[] events) => new(events, null);

    public static RoundOutcome Refuse(RefusalCode code, string message) => new([], new RoundRefusal(code, message));
}

/// <summary>
/// The lifecycle rules of a round, in one place: a pure function from the round's current state and a
/// command to new events or a typed refusal. No storage, no clock, no HTTP.
/// </summary>
public static class RoundRules
{
    /// <summary>Long enough for any motivation the jury has written (the longest is under 700 characters), short enough to catch a pasted document.</summary>
    public const int MaxMotivationLength = 4000;

    public const int MaxReasonLength = 1000;

    public static RoundOutcome Decide(Round? round, RoundCommand command, MunicipalityDirectory municipalities)
    {
        if (!AwardYear.IsPlausible(command.Year))
        {
            return RoundOutcome.Refuse(RefusalCode.InvalidInput, $"{command.Year} is not an award year: the award is given in odd years from {AwardYear.First} to {AwardYear.Last}.");
        }

        if (command is OpenRound open)
        {
            return round is null
                ? RoundOutcome.Accept(new RoundOpened(open.Year))
                : RoundOutcome.Refuse(RefusalCode.RoundAlreadyExists, $"The {open.Year} round already exists.");
        }

        if (round is null)
        {
            return RoundOutcome.Refuse(RefusalCode.RoundNotFound, $"There is no {command.Year} round; open it first.");
        }

        return command switch
        {
            NominateMunicipality c => Nominate(round, c, municipalities),
            WithdrawNomination c => Withdraw(round, c, municipalities),
            CloseNominations c => Close(round, c),
            RecordJuryDecision c => RecordDecision(round, c, municipalities),
            AnnounceAward c => Announce(round, c),
            CorrectMotivation c => Correct(round, c),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown round command."),
        };
    }

    private static RoundOutcome Nominate(Round round, NominateMunicipality c, MunicipalityDirectory municipalities)
    {
        if (municipalities.Find(c.MunicipalityCode) is not { } municipality)
        {
            return UnknownMunicipality(c.MunicipalityCode);
        }

        if (round.Status != RoundStatus.Nominating)
        {
            return RoundOutcome.Refuse(RefusalCode.RoundClosed, $"Nominations for {round.Year} are closed.");
        }

        return round.IsNominated(municipality.Code)
            ? RoundOutcome.Refuse(RefusalCode.AlreadyNominated, $"{municipality.Name} is already nominated for {round.Year}.")
            : RoundOutcome.Accept(new MunicipalityNominated(round.Year, municipality.Code));
    }

    private static RoundOutcome Withdraw(Round round, WithdrawNomination c, MunicipalityDirectory municipalities)
    {
        if (RequiredText(c.Reason, "reason", MaxReasonLength) is { } invalid)
        {
            return invalid;
        }

        if (municipalities.Find(c.MunicipalityCode) is not { } municipality)
        {
            return UnknownMunicipality(c.MunicipalityCode);
        }

        if (round.Status != RoundStatus.Nominating)
        {
            return RoundOutcome.Refuse(RefusalCode.RoundClosed, $"Nominations for {round.Year} are closed; a nomination can no longer be withdrawn.");
        }

        return round.IsNominated(municipality.Code)
            ? RoundOutcome.Accept(new NominationWithdrawn(round.Year, municipality.Code, c.Reason!.Trim()))
            : NotNominated(municipality, round.Year);
    }

    private static RoundOutcome Close(Round round, CloseNominations c) => round.Status switch
    {
        RoundStatus.Nominating when round.Nominees.IsEmpty =>
            RoundOutcome.Refuse(RefusalCode.InvalidInput, $"The {c.Year} round has no nominees; nominate at least one before closing nominations."),
        RoundStatus.Nominating => RoundOutcome.Accept(new NominationsClosed(c.Year)),
        _ => RoundOutcome.Refuse(RefusalCode.RoundClosed, $"Nominations for {c.Year} are already closed."),
    };

    private static RoundOutcome RecordDecision(Round round, RecordJuryDecision c, MunicipalityDirectory municipalities)
    {
        if (RequiredText(c.Motivation, "motivation", MaxMotivationLength) is { } invalid)
        {
            return invalid;
        }

        if (c.RecipientName is not null && RequiredText(c.RecipientName, "recipient name", 200) is { } invalidName)
        {
            return invalidName;
        }

        if (municipalities.Find(c.MunicipalityCode) is not { } municipality)
        {
            return UnknownMunicipality(c.MunicipalityCode);
        }

        if (round.Status == RoundStatus.Announced)
        {
            return RoundOutcome.Refuse(RefusalCode.AlreadyAnnounced, $"The {round.Year} award is already announced; correct the motivation instead.");
        }

        if (round.Decision is not null)
        {
            return RoundOutcome.Refuse(RefusalCode.AlreadyDecided, $"The jury's decision for {round.Year} is already recorded.");
        }

        if (!round.IsNominated(municipality.Code))
        {
            return NotNominated(municipality, round.Year);
        }

        var events = new List<object>();
        if (round.Status == RoundStatus.Nominating)
        {
            // A decision ends the nominating; recording that fact keeps the history honest about when it happened.
            events.Add(new NominationsClosed(round.Year));
        }

        events.Add(new JuryDecisionRecorded(round.Year, municipality.Code, c.RecipientName?.Trim() ?? municipality.OfficialName, c.Motivation.Trim()));
        return RoundOutcome.Accept([.. events]);
    }

    private static RoundOutcome Announce(Round round, AnnounceAward c)
    {
        if (round.Status == RoundStatus.Announced)
        {
            return RoundOutcome.Refuse(RefusalCode.AlreadyAnnounced, $"The {round.Year} award is already announced.");
        }

        return round.Decision is { } decision
            ? RoundOutcome.Accept(new AwardAnnounced(round.Year, decision.MunicipalityCode, decision.RecipientName, decision.Motivation, c.AnnouncedAt))
            : RoundOutcome.Refuse(RefusalCode.DecisionRequired, $"The jury has not decided the {round.Year} round; record the decision before announcing.");
    }

    private static RoundOutcome Correct(Round round, CorrectMotivation c)
    {
        if ((RequiredText(c.Motivation, "motivation", MaxMotivationLength) ?? RequiredText(c.Reason, "reason", MaxReasonLength)) is { } invalid)
        {
            return invalid;
        }

        if (round.Status != RoundStatus.Announced || round.Decision is null)
        {
            return RoundOutcome.Refuse(RefusalCode.NotAnnounced, $"The {round.Year} award is not announced; only a published motivation can be corrected.");
        }

        return round.Decision.Motivation == c.Motivation.Trim()
            ? RoundOutcome.Refuse(RefusalCode.InvalidInput, "The corrected motivation is identical to the current one.")
            : RoundOutcome.Accept(new MotivationCorrected(round.Year, c.Motivation.Trim(), c.Reason!.Trim()));
    }

    private static RoundOutcome? RequiredText(string? text, string name, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return RoundOutcome.Refuse(RefusalCode.InvalidInput, $"The {name} must not be empty.");
        }

        return text.Trim().Length > maxLength
            ? RoundOutcome.Refuse(RefusalCode.InvalidInput, $"The {name} is {text.Trim().Length} characters long; at most {maxLength} are allowed.")
            : null;
    }

    private static RoundOutcome UnknownMunicipality(string code) =>
        RoundOutcome.Refuse(RefusalCode.UnknownMunicipality, $"\"{code}\" is not the 4-digit code of one of Sweden's 290 municipalities.");

    private static RoundOutcome NotNominated(Municipality municipality, int year) =>
        RoundOutcome.Refuse(RefusalCode.NotNominated, $"{municipality.Name} is not nominated for {year}.");
}

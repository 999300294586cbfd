using System.ComponentModel;

namespace Kvk.Domain.Rounds;

/// <summary>Why the rules refused a command. The names are the stable codes clients see; the descriptions say when each is given.</summary>
public enum RefusalCode
{
    [Description("There is no round for the year; open it first.")]
    RoundNotFound,

    [Description("The round of the year is already open.")]
    RoundAlreadyExists,

    [Description("The code is not the 4-digit code of one of Sweden's 290 municipalities.")]
    UnknownMunicipality,

    [Description("The municipality is already nominated in the round.")]
    AlreadyNominated,

    [Description("The municipality is not nominated in the round.")]
    NotNominated,

    [Description("Nominations of the round are closed.")]
    RoundClosed,

    [Description("The jury's decision must be recorded first.")]
    DecisionRequired,

    [Description("The jury's decision of the round is already recorded.")]
    AlreadyDecided,

    [Description("The award of the round is already announced.")]
    AlreadyAnnounced,

    [Description("The award of the round is not announced yet; only a published motivation can be corrected.")]
    NotAnnounced,

    [Description("An immediate announcement cannot be dated in the future; schedule the announcement for that moment instead.")]
    AnnouncementInFuture,

    [Description("A scheduled announcement must be due in the future.")]
    ScheduleInPast,

    [Description("No announcement of the round is scheduled.")]
    NotScheduled,

    [Description("The input is not valid (an empty or too long text, a year that is not an award year, a round without nominees to close).")]
    InvalidInput,
}

/// <summary>A typed refusal: the rule that said no, in words a secretary understands.</summary>
public sealed record RoundRefusal(RefusalCode Code, string Message);

using System.Globalization;
using GraphQL;
using Kvk.Domain.Rounds;
using Kvk.Graph.Engine.Pipeline;

namespace Kvk.Graph.Lookups;

/// <summary>
/// Why a lookup answered null. The null stays (a missing item is an answer, not an error); the reason goes in the
/// response's <c>extensions.lookups</c>, one note per field that answered null: <c>path</c> (as in the response),
/// <c>code</c> (stable, one of the constants here), <c>message</c> (for people) and, where the key was near another,
/// <c>nearest</c> (what was probably meant). docs/queries.md describes the shape.
/// </summary>
public static class LookupNotes
{
    public const string Extension = "lookups";

    /// <summary>No round of the year: not an award year, or none recorded.</summary>
    public const string NoSuchRound = "NO_SUCH_ROUND";

    /// <summary>No award of the year: not an award year, or no round recorded.</summary>
    public const string NoSuchAward = "NO_SUCH_AWARD";

    /// <summary>The year's round is recorded, its award not announced yet.</summary>
    public const string NotYetAnnounced = "NOT_YET_ANNOUNCED";

    /// <summary>No municipality has the code; <c>nearest</c> names the likeliest one meant.</summary>
    public const string NoSuchMunicipality = "NO_SUCH_MUNICIPALITY";

    /// <summary>A well-formed global ID whose object does not exist (or whose type Kvk does not serve).</summary>
    public const string NoSuchNode = "NO_SUCH_NODE";

    public static void Explain(this IResolveFieldContext context, string code, string message, object? nearest = null) =>
        context.RequestServices!.GetRequiredService<OperationNotes>().Add(Extension, context.ResponsePath, nearest is null
            ? [("code", code), ("message", message)]
            : [("code", code), ("message", message), ("nearest", nearest)]);

    /// <summary>Why a year has no round: not an award year, or no round of it recorded.</summary>
    public static string NoRound(int year) =>
        NotAwardYear(year, "round") ?? Text($"No round of {year} has been recorded in Kvk.");

    /// <summary>Why a year has no award, knowing whether its round is recorded.</summary>
    public static (string Code, string Message) NoAward(int year, bool roundRecorded) =>
        NotAwardYear(year, "award") is { } message ? (NoSuchAward, message)
            : roundRecorded ? (NotYetAnnounced, Text($"The {year} award has not been announced yet; round(year: {year}) tells how far its round has come."))
            : (NoSuchAward, Text($"No round of {year} has been recorded in Kvk, so it has no award."));

    /// <summary>Why a year has no award, without asking after its round.</summary>
    public static string NoAwardAnnounced(int year) =>
        NotAwardYear(year, "award") ?? Text($"No award of {year} has been announced in Kvk.");

    private static string? NotAwardYear(int year, string what) =>
        year < AwardYear.First ? Text($"The first round was held in {AwardYear.First}; {year} has no {what}.")
            : year % 2 == 0 ? Text($"Rounds are held in odd years ({AwardYear.First}, {AwardYear.First + 2}, …); {year} has no {what}.")
            : year > AwardYear.Last ? Text($"{year} is past the last plausible award year ({AwardYear.Last}); it has no {what}.")
            : null;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

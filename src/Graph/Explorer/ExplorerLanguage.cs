using System.Globalization;
using Kvk.Domain.Rounds;

namespace Kvk.Graph.Explorer;

/// <summary>
/// One language of the explorer: its paths and every label. Swedish is the explorer's first language, at
/// the root; English has the same pages under <c>/en</c>. Each page links to itself in the other language.
/// </summary>
public sealed partial class ExplorerLanguage
{
    private static readonly TimeZoneInfo SwedishTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private static readonly StringComparer SwedishOrder = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), false);

    private ExplorerLanguage(string code, string culture, string root)
    {
        Code = code;
        Culture = CultureInfo.GetCultureInfo(culture);
        Root = root;
    }

    public string Code { get; }

    private CultureInfo Culture { get; }

    private string Root { get; }

    public ExplorerLanguage Other => this == Swedish ? English : Swedish;

    public string Home => Root.Length == 0 ? "/" : Root;

    public string Map => Root + (this == Swedish ? "/karta" : "/map");

    public string Search => Root + (this == Swedish ? "/sok" : "/search");

    /// <summary>The page of the record's sources and terms.</summary>
    public string Sources => Root + (this == Swedish ? "/kallor" : "/sources");

    public string Round(int year) => RoundBase + year.ToString(CultureInfo.InvariantCulture);

    public string Municipality(string code) => MunicipalityBase + code;

    /// <summary>The route of a round's page; the year is read by the page, so that a wrong one gets the explorer's own 404.</summary>
    public string RoundRoute => RoundBase + "{year}";

    public string MunicipalityRoute => MunicipalityBase + "{code}";

    private string RoundBase => Root + (this == Swedish ? "/omgang/" : "/round/");

    private string MunicipalityBase => Root + (this == Swedish ? "/kommun/" : "/municipality/");

    /// <summary>A day in Swedish time, e.g. "18 november 2027".</summary>
    public string Date(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, SwedishTime).ToString("d MMMM yyyy", Culture);

    /// <summary>A moment in Swedish time to the minute, e.g. "2027-11-18 19:00".</summary>
    public static string Timestamp(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, SwedishTime).ToString(
        "yyyy-MM-dd HH:mm",
        CultureInfo.InvariantCulture);

    /// <summary>A moment for a <c>&lt;time datetime&gt;</c> attribute, in UTC.</summary>
    public static string MachineTime(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Swedish names in Swedish alphabetical order (å, ä, ö after z), whatever the page's language.</summary>
    public static IEnumerable<T> Alphabetical<T>(IEnumerable<T> items, Func<T, string> name) => items.OrderBy(name, SwedishOrder);

    /// <summary>"a, b och c" / "a, b and c".</summary>
    public string List(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} {And} {items[^1]}";

    public required string SiteName { get; init; }

    public required string SiteTagline { get; init; }

    public required string SkipToContent { get; init; }

    public required string MainMenu { get; init; }

    public required string TimelineNav { get; init; }

    public required string MapNav { get; init; }

    public required string SearchNav { get; init; }

    /// <summary>The name of this language, in itself: the other language's pages link to it with this text.</summary>
    public required string LanguageName { get; init; }

    public required string SearchLabel { get; init; }

    public required string SearchButton { get; init; }

    public required string OpenDataHeading { get; init; }

    public required string AwardsCsv { get; init; }

    public required string NominationsCsv { get; init; }

    public required string GraphiQL { get; init; }

    public required string SourcesNote { get; init; }

    public required string SourcesLink { get; init; }

    public required string And { get; init; }



    public required string Winner { get; init; }

    public required string Municipalities { get; init; }

    // The timeline
    public required string TimelineTitle { get; init; }

    public required string AwardIntro { get; init; }

    public required string RoundsHeading { get; init; }

    public required string StatusLabel { get; init; }

    public required string WinnerLabel { get; init; }

    public required string NomineesLabel { get; init; }

    public required string NoNomineesYet { get; init; }


    public required Func<RoundStatus, string> Status { get; init; }

    // A round
    public required Func<int, string> RoundTitle { get; init; }

    public required string AnnouncedLabel { get; init; }

    public required Func<int, string> AnnouncedInYear { get; init; }

    public required string MotivationHeading { get; init; }

    public required Func<RoundStatus, string> NoWinnerYet { get; init; }

    public required string WithdrawnHeading { get; init; }

    public required string HistoryHeading { get; init; }

    public required string HistoryIntro { get; init; }

    public required string RecordedAt { get; init; }

    public required string RecordedBy { get; init; }

    public required string SeedImport { get; init; }

    public required string PreviousRound { get; init; }

    public required string NextRound { get; init; }

    public required string OtherRounds { get; init; }

    public required string MotivationOfEvent { get; init; }

    public required HistoryPhrases History { get; init; }

    /// <summary>What is known of a round's nominee list where it is not the full list (<see cref="NomineesKnownValue"/>); null for the full list.</summary>
    public required Func<string, string?> NomineeCoverage { get; init; }

    public required string NotesHeading { get; init; }

    public required string NotesIntro { get; init; }

    // Sources, on every page that shows a fact
    public required string SourcesHeading { get; init; }

    public required string SourcesIntro { get; init; }

    /// <summary>A group of sources by what they support, from the API's words for it (<c>Source.supports</c>).</summary>
    public required Func<string, string> Supports { get; init; }

    /// <summary>The facts of a group a source is named for, e.g. "för Habo och Svedala".</summary>
    public required Func<string, string> SourceFor { get; init; }

    public required string SourceIsHomePage { get; init; }

    public required string SourceHasNoDate { get; init; }

    public required Func<int, string> SourcesOfAward { get; init; }

    public required Func<int, string> SourcesOfNomination { get; init; }

    // A municipality
    public required Func<string, string, string> MunicipalityIntro { get; init; }

    public required string CodeLabel { get; init; }

    public required string AwardsHeading { get; init; }

    public required string NominationsHeading { get; init; }

    public required string NeverNominated { get; init; }

    public required string YearColumn { get; init; }


    public required string ResultColumn { get; init; }

    public required Func<string, string> WithdrawnBecause { get; init; }

    public required string NominatedNotDecided { get; init; }

    public required string NominatedResult { get; init; }

    public required Func<string, string> NominationsCaption { get; init; }

    public required string ElsewhereHeading { get; init; }

    public required string AllOnTheMap { get; init; }

    public required string KoladaSiteLink { get; init; }

    public required string KoladaLink { get; init; }

    public required string KoladaDataLink { get; init; }

    public required string WikidataLink { get; init; }


    // The map
    public required string MapTitle { get; init; }

    public required string MapIntro { get; init; }

    public required string MapLabel { get; init; }

    public required string SkipMap { get; init; }

    public required string LegendHeading { get; init; }

    public required string LegendWinner { get; init; }

    public required string LegendNominee { get; init; }

    public required string LegendNever { get; init; }


    public required string WonSentence { get; init; }

    public required string NominatedSentence { get; init; }

    public required string MapAttribution { get; init; }

    public required string CountyTableHeading { get; init; }

    public required string CountyTableCaption { get; init; }

    public required string CountyColumn { get; init; }

    public required string MunicipalitiesColumn { get; init; }

    public required string NominationsColumn { get; init; }

    public required string WinsColumn { get; init; }

    public required string TotalRow { get; init; }

    public required string AchieversHeading { get; init; }

    public required string AchieversCaption { get; init; }

    public required string MunicipalityColumn { get; init; }

    // The sources and terms
    public required string SourcesTitle { get; init; }

    public required string SourcesPageIntro { get; init; }

    public required Func<string, string> DataVersion { get; init; }

    public required string TermsHeading { get; init; }

    public required string TermsIntro { get; init; }

    public required string RecordSourcesHeading { get; init; }

    public required string RoundSourcesHeading { get; init; }

    public required string RoundSourcesIntro { get; init; }

    public required string WinnerOnlyShort { get; init; }

    public required string SourceFilesNote { get; init; }

    // The search
    public required string SearchTitle { get; init; }

    public required string SearchHelp { get; init; }

    /// <summary>What a search text may hold: an example and what it finds.</summary>
    public required IReadOnlyList<(string Example, string Finds)> SearchTips { get; init; }

    public required string SearchEmpty { get; init; }

    public required Func<int, int, string> SearchTooLong { get; init; }

    public required Func<string, int, string> SearchResults { get; init; }

    public required Func<string, string> SearchNoHits { get; init; }

    public required Func<int, string> SearchShowingFirst { get; init; }

    /// <summary>What the page says when the API refused a search's text for a reason the page does not word itself.</summary>
    public required string SearchRefused { get; init; }

    // The query behind a page
    public required string QueryHeading { get; init; }

    public required string QueryIntro { get; init; }

    public required string QueryDocumentLabel { get; init; }

    public required string QueryVariablesLabel { get; init; }

    public required string QueryRunLink { get; init; }

    /// <summary>A downloadable list by its root field's name ("awards", "nominations", "rounds").</summary>
    public required Func<string, string> ListName { get; init; }

    // Errors
    public required string RefusedTitle { get; init; }

    public required string RefusedIntro { get; init; }

    public required string UnavailableTitle { get; init; }

    public required string UnavailableIntro { get; init; }

    public required string NotFoundTitle { get; init; }

    public required Func<int, string> NoSuchRound { get; init; }

    public required Func<string, string> NoSuchMunicipality { get; init; }

    public required string NoSuchPage { get; init; }
}

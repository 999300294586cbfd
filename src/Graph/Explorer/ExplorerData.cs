using Kvk.Domain.Rounds;

namespace Kvk.Graph.Explorer;

// What the pages read of the API's answers: small records named after the documents' fields (camelCase in the JSON),
// each holding only what a page selects. They are the explorer's view of the API, not of the store.

/// <summary>A municipality as a page names and links it.</summary>
public sealed record MunicipalityName(string Code, string Name);

/// <summary>A page of one of the API's lists, as the documents select it (its <c>nodes</c>).</summary>
public sealed record Connection<T>(IReadOnlyList<T> Nodes);

/// <summary><c>Explorer/Timeline</c>.</summary>
public sealed record TimelineData(Connection<TimelineRound> Rounds);

public sealed record TimelineRound(int Year, RoundStatus Status, IReadOnlyList<TimelineNominee> Nominees, TimelineAward? Award);

public sealed record TimelineNominee(MunicipalityName Municipality);

public sealed record TimelineAward(string RecipientName, MunicipalityRef Municipality);

/// <summary>A related municipality of which a document selects only the code.</summary>
public sealed record MunicipalityRef(string Code);

/// <summary><c>Explorer/Map</c>: the wins and the standing nominations, counted per municipality and year.</summary>
public sealed record MapData(Aggregate Wins, Aggregate Standing)
{
    /// <summary>What each municipality that has won or stood has achieved, by its code.</summary>
    public IReadOnlyDictionary<string, MunicipalityAchievement> Achievements()
    {
        var won = Wins.Years();
        var stood = Standing.Years();
        return won.Keys.Union(stood.Keys).ToDictionary(
            code => code,
            code => new MunicipalityAchievement(won.GetValueOrDefault(code) ?? [], stood.GetValueOrDefault(code) ?? []),
            StringComparer.Ordinal);
    }
}

public sealed record Aggregate(IReadOnlyList<AggregateGroup> GroupBy)
{
    /// <summary>The years of each municipality, from groups by municipality and year.</summary>
    public Dictionary<string, IReadOnlyList<int>> Years() => GroupBy
        .Where(g => g.Keys is [{ Key: not null }, { Key: not null }])
        .GroupBy(g => g.Keys[0].Key!, StringComparer.Ordinal)
        .ToDictionary(
            m => m.Key,
            m => (IReadOnlyList<int>)[.. m.Select(g => int.Parse(g.Keys[1].Key!, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order()],
            StringComparer.Ordinal);
}

public sealed record AggregateGroup(IReadOnlyList<AggregateKey> Keys);

public sealed record AggregateKey(string? Key);

/// <summary><c>Explorer/Round</c>: the round (null when the year has none), its withdrawn nominations, and its neighbours.</summary>
public sealed record RoundData(RoundDetail? Round, Connection<WithdrawnNomination> Withdrawn, Connection<YearOnly> Previous, Connection<YearOnly> Next);

/// <summary>The values of the API's <c>NomineesKnown</c> a page words, as the API names them.</summary>
public static class NomineesKnownValue
{
    public const string WinnerOnly = "WINNER_ONLY";

    public const string NotPublishedYet = "NOT_PUBLISHED_YET";
}

/// <param name="NomineesKnown">The API's <c>NomineesKnown</c> value as it names it ("FULL_LIST", <see cref="NomineesKnownValue"/>).</param>
/// <param name="Sources">The sources of the list of nominees.</param>
public sealed record RoundDetail(
    int Year,
    RoundStatus Status,
    string NomineesKnown,
    IReadOnlyList<SourceRef> Sources,
    IReadOnlyList<RoundNoteEntry> Notes,
    IReadOnlyList<RoundNominee> Nominees,
    RoundDecision? Decision,
    RoundAward? Award,
    IReadOnlyList<HistoryEntry> History);

public sealed record RoundNominee(bool IsWinner, MunicipalityInCounty Municipality, IReadOnlyList<SourceRef> Sources);

/// <summary>The jury's decision as the public sees it: null until the award is announced.</summary>
public sealed record RoundDecision(IReadOnlyList<SourceRef> Sources);

/// <summary>A round's note as the API's <c>RoundNote</c> gives it: what is known of the round but not recorded as a fact of it.</summary>
public sealed record RoundNoteEntry(string Text, IReadOnlyList<SourceRef> Sources);

/// <summary>
/// A source as the API's <c>Source</c> gives it; <c>supports</c> is the API's words for what it supports (the domain's
/// <see cref="Kvk.Domain.Sources.SourceSupports"/>), by which the pages group sources.
/// </summary>
public sealed record SourceRef(string Title, string? Publisher, string? Url, string? PublishedOn, string Supports);

public sealed record MunicipalityInCounty(string Code, string Name, CountyName County);

public sealed record CountyName(string Name);

public sealed record RoundAward(
    string RecipientName,
    string Motivation,
    DateTimeOffset? AnnouncedAt,
    MunicipalityRef Municipality,
    IReadOnlyList<SourceRef> Sources);

public sealed record WithdrawnNomination(string? WithdrawalReason, MunicipalityName Municipality);

public sealed record YearOnly(int Year);

/// <summary>
/// One entry of a round's history as the API's <c>RoundEvent</c> gives it to the public: its type (the stored event's
/// name, e.g. "municipality_nominated"), when and by whom it was recorded, and the fields the type fills in. The API
/// keeps the jury's decision secret until the announcement: an undisclosed decision comes without a municipality.
/// </summary>
public sealed record HistoryEntry(
    string Type,
    DateTimeOffset OccurredAt,
    string? Actor,
    MunicipalityName? Municipality,
    string? Motivation,
    string? Reason,
    DateTimeOffset? ScheduledAt);

/// <summary><c>Explorer/Municipality</c>: the municipality (null when no municipality has the code).</summary>
public sealed record MunicipalityData(MunicipalityDetail? Municipality);

public sealed record MunicipalityDetail(
    string Code,
    string Name,
    string OfficialName,
    string? WikidataId,
    string KoladaUrl,
    CountyName County,
    IReadOnlyList<MunicipalityAward> Awards,
    IReadOnlyList<MunicipalityNomination> Nominations)
{
    /// <summary>A withdrawn nomination does not count: the municipality did not stand in that round.</summary>
    public MunicipalityAchievement Achievement => new(
        [.. Awards.Select(a => a.Year).Distinct()],
        [.. Nominations.Where(n => n.WithdrawnAt is null).Select(n => n.Year).Distinct()]);
}

public sealed record MunicipalityAward(int Year, string RecipientName, string Motivation, IReadOnlyList<SourceRef> Sources);

public sealed record MunicipalityNomination(
    int Year,
    bool IsWinner,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawalReason,
    RoundStatusOnly Round,
    IReadOnlyList<SourceRef> Sources);

public sealed record RoundStatusOnly(RoundStatus Status);

/// <summary><c>Explorer/Sources</c>: the record's terms and sources as the API's <c>meta</c> gives them, and the rounds.</summary>
public sealed record SourcesData(RecordTerms Meta, Connection<RoundCoverage> Rounds);

public sealed record RecordTerms(string DataVersion, string Licence, IReadOnlyList<SourceRef> Sources);

/// <param name="NomineesKnown">As <see cref="RoundDetail.NomineesKnown"/>.</param>
public sealed record RoundCoverage(int Year, string NomineesKnown);

/// <summary><c>Explorer/Search</c>: the API's hits, best first.</summary>
public sealed record SearchData(SearchConnection Search);

public sealed record SearchConnection(int TotalCount, IReadOnlyList<SearchHit> Nodes);

/// <summary>A hit as the API's <c>SearchHit</c> gives it: the excerpt (matched words between &lt;mark&gt; and &lt;/mark&gt;) and the award.</summary>
public sealed record SearchHit(string Excerpt, SearchAward Award);

public sealed record SearchAward(int Year, string RecipientName, string Motivation, MunicipalityInCounty Municipality);

using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Graph.Awards;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Nominations;
using Kvk.Graph.Sources;
using Kvk.Storage.Nominations;
using Kvk.Storage.Rounds;

namespace Kvk.Graph.Rounds;

public sealed class RoundType : ObjectGraphType<RoundView>
{
    public RoundType(MunicipalityDirectory municipalities)
    {
        Name = RoundList.Entity.Name;
        Description = RoundList.Entity.Description;
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global ID of the round.")
            .Resolve(c => GlobalId.Encode(Name, c.Source.Year.ToString(CultureInfo.InvariantCulture)));
        Field<NonNullGraphType<StringGraphType>>("title").Description("The title of the round's award, e.g. \"Sveriges KvalitetsKommun 2025\".")
            .Resolve(c => AwardType.Title(c.Source.Year));
        RoundList.Entity.AddValueFieldsTo(this);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NominationType>>>>("nominees")
            .Description("The municipalities nominated in this round (withdrawn nominations excluded), in Swedish alphabetical order of their names unless " +
                "`order` asks for another. The order carries no meaning: the order of nomination is not published (the order of recording is in `history`). " +
                "See `nomineesKnown` before counting them.")
            .Argument<NomineeOrderType>("order", "NAME (the default): Swedish alphabetical order of the municipality's name; RECORDED: the order the " +
                "nominations were recorded in Kvk.")
            .Resolve(c =>
            {
                var order = c.GetArgument("order", NomineeOrder.Name);
                return c.Service<PastRounds>().Of(c.Source) is { } past
                    ? Standing(past.Nominations, c.Source, order)
                    : c.Load(NominationLoaders.ByYear, c.Source.Year).Then(n => Standing(n, c.Source, order));
            });
        this.AddSources("The sources of the list of nominees; each nomination also has its own `sources`.", r => r.NomineeSources);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoundNoteType>>>>("notes")
            .Description("What is known of the round but not recorded as a fact of it, with sources: e.g. for 2025, a newspaper's report of a winner while " +
                "no decision is recorded; for 2007, 2009 and 2013, that the nominee lists were not published.")
            .WithComplexityImpact(1, SourceFields.ExpectedSources).Resolve(c => c.Source.Notes);
        Field<JuryDecisionType>("decision")
            .Description("The jury's decision. Secret until the award is announced: null before that for the public, even when `status` is DECIDED " +
                "(the secretariat and a press credential under embargo read it; every press read of it is logged).")
            .ResolveAsync(async c => c.Source.Status == RoundStatus.Announced || c.IsSecretariat() ? c.Source.Decision
                : c.IsPress() && c.Source.Decision is { } decision ? await Logged(c, c.Source.Year, decision)
                : null);
        Field<AwardType>("award").Description("The award, once announced; null before.")
            .Resolve(c => c.Source.Status != RoundStatus.Announced ? null
                : c.Service<PastRounds>().Of(c.Source) is { } past ? past.Award
                : c.Load(AwardLoaders.ByYear, c.Source.Year));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoundEventType>>>>("history")
            .Description("Every recorded fact of the round, oldest first, with who recorded it and when. For a round viewed at an earlier version or moment, " +
                "the history up to then.")
            .Resolve(c => c.Load(RoundLoaders.EventsByYear, c.Source.Year).ThenAsync(async (all, _) =>
            {
                IReadOnlyList<JasperFx.Events.IEvent> events = [.. all.Where(e => e.Version <= c.Source.Version)];
                var history = RoundHistoryEntry.Describe(events, municipalities, c.IsSecretariat(), c.IsPress());
                return c.IsPress() && RoundHistoryEntry.HasUndisclosed(events) ? await Logged(c, c.Source.Year, history) : history;
            }));
        Field<DateTimeType>("announcedAt").Description("When the award was announced, where the sources give the moment; null otherwise (see `announcedOn`).")
            .Resolve(c => c.Source.Announcement?.AnnouncedAt);
        Field<DateTimeType>("scheduledAnnouncementAt").Description("When the announcement is scheduled to happen (the winner stays secret until then); null " +
            "when none is scheduled or once announced.")
            .Resolve(c => c.Source.ScheduledAnnouncement);
        Field<PartialDateType>("announcedOn").Description("The date of the announcement as precise as the sources give it (the seeded rounds: the year only, " +
            "no invented day); null before the announcement.")
            .Resolve(c => c.Source.Announcement is { } a ? AwardType.AnnouncedOn(a.AnnouncedOn, a.AnnouncedAt) : null);
    }

    /// <summary>An undisclosed decision (or its history) as a press credential reads it: only once its read is logged.</summary>
    private static async Task<T> Logged<T>(IResolveFieldContext context, int year, T value)
    {
        await context.Service<EmbargoReadLog>().RecordAsync(context, year);
        return value;
    }

    private static readonly StringComparer Swedish = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: false);

    private static IEnumerable<NominationView> Standing(IReadOnlyList<NominationView> nominations, RoundView round, NomineeOrder order)
    {
        var recorded = round.Nominees.Select((n, i) => (n.MunicipalityCode, i)).ToDictionary(x => x.MunicipalityCode, x => x.i);
        var standing = nominations.Where(n => recorded.ContainsKey(n.MunicipalityCode));
        return order == NomineeOrder.Recorded
            ? standing.OrderBy(n => recorded[n.MunicipalityCode])
            : standing.OrderBy(n => n.MunicipalityName, Swedish).ThenBy(n => n.MunicipalityCode, StringComparer.Ordinal);
    }
}

using System.Globalization;
using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Graph.Awards;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Nominations;
using Kvk.Graph.Schema;
using Kvk.Storage.Municipalities;
using Kvk.Storage.Nominations;
using Kvk.Storage.Rounds;
using Kvk.Storage.Store;

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
            .Description("The municipalities nominated in this round (withdrawn nominations excluded), in the order they were nominated.")
            .Resolve(c => c.Service<PastRounds>().Of(c.Source) is { } past ? Standing(past.Nominations, c.Source) : c.Load(NominationLoaders.ByYear, c.Source.Year).Then(n => Standing(n, c.Source)));
        Field<JuryDecisionType>("decision")
            .Description("The jury's decision. Secret until the award is announced: null before that for the public, even when `status` is DECIDED.")
            .Resolve(c => c.Source.Status == RoundStatus.Announced || c.IsSecretariat() ? c.Source.Decision : null);
        Field<AwardType>("award").Description("The award, once announced; null before.")
            .Resolve(c => c.Source.Status != RoundStatus.Announced ? null
                : c.Service<PastRounds>().Of(c.Source) is { } past ? past.Award
                : c.Load(AwardLoaders.ByYear, c.Source.Year));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoundEventType>>>>("history")
            .Description("Every recorded fact of the round, oldest first, with who recorded it and when. For a round viewed at an earlier version or moment, the history up to then.")
            .Resolve(c => c.Load(RoundLoaders.EventsByYear, c.Source.Year).Then(events =>
                RoundHistoryEntry.Describe([.. events.Where(e => e.Version <= c.Source.Version)], municipalities, c.IsSecretariat())));
        Field<DateTimeType>("announcedAt").Description("When the award was announced, where known.")
            .Resolve(c => c.Source.Announcement?.AnnouncedAt);
        Field<DateTimeType>("scheduledAnnouncementAt").Description("When the announcement is scheduled to happen (the winner stays secret until then); null when none is scheduled or once announced.")
            .Resolve(c => c.Source.ScheduledAnnouncement);
    }

    private static IEnumerable<NominationView> Standing(IReadOnlyList<NominationView> nominations, RoundView round)
    {
        var order = round.Nominees.Select((n, i) => (n.MunicipalityCode, i)).ToDictionary(x => x.MunicipalityCode, x => x.i);
        return nominations.Where(n => order.ContainsKey(n.MunicipalityCode)).OrderBy(n => order[n.MunicipalityCode]);
    }
}

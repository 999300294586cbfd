using System.Globalization;
using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Sources;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Municipalities;
using Kvk.Graph.Rounds;
using Kvk.Graph.Sources;
using Kvk.Storage.Awards;

namespace Kvk.Graph.Awards;

public sealed class AwardType : ObjectGraphType<AwardView>
{
    public AwardType(MunicipalityDirectory municipalities)
    {
        Name = AwardList.Entity.Name;
        Description = AwardList.Entity.Description;
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global ID of the award.")
            .Resolve(c => GlobalId.Encode(Name, c.Source.Year.ToString(CultureInfo.InvariantCulture)));
        Field<NonNullGraphType<StringGraphType>>("title").Description("The title of the award, e.g. \"Sveriges KvalitetsKommun 2023\".")
            .Resolve(c => Title(c.Source.Year));
        AwardList.Entity.AddValueFieldsTo(this);
        Field<PartialDateType>("announcedOn").Description("The date of the announcement as precise as the sources give it (the seeded awards: the year " +
            "only); null where not recorded.")
            .Resolve(c => AnnouncedOn(c.Source.AnnouncedOn, c.Source.AnnouncedAt));
        this.AddSources("Where the decision and its motivation are published (the source document of the quoted motivation), with the " +
            "source of any correction.", a => a.Sources);
        Field<NonNullGraphType<MunicipalityType>>("municipality").Description("The municipality (kommun) that received the award.")
            .Resolve(c => municipalities.Find(c.Source.MunicipalityCode));
        Field<NonNullGraphType<RoundType>>("round").Description("The round the award concluded, with its nominees and history (as it stood then, for an " +
            "award of a round seen at an earlier version).")
            .Resolve(c => c.Service<PastRounds>().Of(c.Source)?.Round is { } past ? past : c.Load(RoundLoaders.ByYear, c.Source.Year));
    }

    /// <summary>The recorded date of an announcement; for an announcement recorded before dates were kept, the day of its moment.</summary>
    public static PartialDate? AnnouncedOn(string? announcedOn, DateTimeOffset? announcedAt) =>
        PartialDate.Parse(announcedOn) ?? (announcedAt is { } at ? PartialDate.Of(at) : null);

    public static string Title(int year) => string.Create(CultureInfo.InvariantCulture, $"Sveriges KvalitetsKommun {year}");
}

using System.Globalization;
using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Municipalities;
using Kvk.Graph.ReadModel;
using Kvk.Graph.Rounds;
using Kvk.Graph.Schema;
using Kvk.Storage.Awards;
using Kvk.Storage.Municipalities;

namespace Kvk.Graph.Awards;

public sealed class AwardType : ObjectGraphType<AwardView>
{
    public AwardType(MunicipalityDirectory municipalities)
    {
        Name = "Award";
        Description = "An announced award of Utmärkelsen Sveriges KvalitetsKommun: one per announced round.";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global ID of the award.")
            .Resolve(c => GlobalId.Encode(Name, c.Source.Year.ToString(CultureInfo.InvariantCulture)));
        Field(x => x.Year).Description("The award year (an odd year from 2003).");
        Field<NonNullGraphType<StringGraphType>>("title").Description("The title of the award, e.g. \"Sveriges KvalitetsKommun 2023\".")
            .Resolve(c => Title(c.Source.Year));
        Field(x => x.RecipientName).Description("The recipient as named in the announcement, e.g. \"Helsingborgs stad\".");
        Field(x => x.Motivation).Description("The jury's motivation (motivering), verbatim; the current text where it was corrected.");
        Field<DateTimeType>("announcedAt").Description("When the award was announced, where the sources give the day; null otherwise.")
            .Resolve(c => c.Source.AnnouncedAt);
        Field<NonNullGraphType<MunicipalityType>>("municipality").Description("The municipality (kommun) that received the award.")
            .Resolve(c => municipalities.Find(c.Source.MunicipalityCode));
        Field<NonNullGraphType<RoundType>>("round").Description("The round the award concluded, with its nominees and history.")
            .Resolve(c => c.Loaders().RoundByYear.Load(c.Source.Year));
    }

    public static string Title(int year) => string.Create(CultureInfo.InvariantCulture, $"Sveriges KvalitetsKommun {year}");
}

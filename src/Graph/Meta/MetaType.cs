using GraphQL.Types;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Engine.Transport;
using Kvk.Graph.Sources;

namespace Kvk.Graph.Meta;

public sealed class MetaType : ObjectGraphType<DataFigures>
{
    public MetaType()
    {
        Name = "Meta";
        Description = "What the record is, how much of it there is, and under which terms it may be used. The same figures are at GET /download/.";
        Field("dataVersion", x => x.DataVersion).Description("The version of the data, named by its content: the position of the last entry of the " +
            "public log (GET /events) and the first 8 hex digits of its hash, e.g. \"110-3fa9c1e2\". It changes with every public fact and is the same on " +
            "every copy of the same record; cite it with the data, and check a copy against it (`changes(since:)`, the verify command).");
        Field<DateTimeType>("lastRecordedAt").Description("When the last public fact was recorded in Kvk (a moment of recording, not a date of the " +
            "award; the seed's release date for the seeded history); null for an empty record.")
            .Resolve(c => c.Source.LastRecordedAt);
        Field<NonNullGraphType<IntGraphType>>("eventCount").Description("How many public facts (events) are recorded, " +
            "seeded history included: the entries of the public log.").Resolve(c => (int)c.Source.EventCount);
        Field<NonNullGraphType<StringGraphType>>("licence").Description("Under which terms the data may be " +
            "used and how to cite it.").Resolve(_ => DataTerms.Licence);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceType>>>>("sources").Description(
            "The sources the record is built from, as a whole; each award, round and nomination names its own.")
            .Resolve(_ => DataTerms.Sources);
    }
}

public static class MetaQueries
{
    public static void AddMetaQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<MetaType>>("meta")
            .Description("What the record is: its data version, how much is recorded, its licence and its sources.")
            .ResolveAsync(async c => await DataFigures.ReadAsync(c.Service<ReadStore>(), c.Service<ResponseCache>(), c.CancellationToken));
}

using GraphQL;
using GraphQL.Types;
using Kvk.Graph.Engine.Lists.Filtering;
using Kvk.Graph.Engine.Lists.Paging;
using Kvk.Graph.Engine.Lists.Sorting;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Municipalities;
using Kvk.Graph.ReadModel;
using Kvk.Graph.Schema;
using Kvk.Storage.Awards;

namespace Kvk.Graph.Awards;

public static class AwardQueries
{
    /// <summary>What an award list can be sorted by, as SQL over the award documents.</summary>
    public static readonly IReadOnlyDictionary<string, SqlColumn> Columns = new Dictionary<string, SqlColumn>
    {
        ["year"] = SqlColumn.Number("year"),
        ["recipientName"] = SqlColumn.JsonText("recipientName"),
        ["municipality.code"] = SqlColumn.Text("municipality_code"),
        ["municipality.name"] = SqlColumn.JsonText("municipalityName"),
        ["municipality.county.code"] = SqlColumn.JsonText("countyCode"),
        ["municipality.county.name"] = SqlColumn.JsonText("countyName"),
    };

    /// <summary>What an award list can be filtered by, as SQL over the award documents.</summary>
    public static readonly IReadOnlyDictionary<string, FilterTarget> Filters = new Dictionary<string, FilterTarget>(MunicipalityColumns.Of(DocumentTables.Awards, new Dictionary<string, SqlColumn>
    {
        ["municipality.name"] = Columns["municipality.name"],
        ["municipality.county.code"] = Columns["municipality.county.code"],
        ["municipality.county.name"] = Columns["municipality.county.name"],
    }))
    {
        ["year"] = Columns["year"],
        ["recipientName"] = Columns["recipientName"],
        ["motivation"] = SqlColumn.JsonText("motivation"),
        ["announcedAt"] = SqlColumn.JsonTimestamp("announcedAt"),
    };

    public static void AddAwardQueries(this ObjectGraphType query)
    {
        query.AddListField<AwardsConnectionType, AwardFilterInputType, AwardSortInputType, AwardView>(
            "awards",
            "The announced awards, newest first unless ordered otherwise.",
            "awards",
            new ListDefinition(() => DocumentTables.Query(DocumentTables.Awards), Filters, Columns, [new SortKey(Columns["year"], true)]));
        query.Field<AwardType>("award")
            .Description("The award of one year; null when that year's award has not been announced.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The award year, e.g. 2023.")
            .Resolve(c => c.Loaders().AwardByYear.Load(c.GetArgument<int>("year")));
    }
}

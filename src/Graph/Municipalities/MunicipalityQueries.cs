using GraphQL;
using GraphQL.Types;
using Kvk.Domain.Municipalities;

namespace Kvk.Graph.Municipalities;

public static class MunicipalityQueries
{
    public static void AddMunicipalityQueries(this ObjectGraphType query, MunicipalityDirectory directory)
    {
        MunicipalityList.Root.AddTo(query);
        query.Field<MunicipalityType>("municipality")
            .Description("One municipality by its 4-digit code, e.g. \"0180\" for Stockholm.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The official 4-digit municipality code.")
            .Resolve(c => directory.Find(c.GetArgument<string>("code")));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountyType>>>>("counties")
            .Description("The 21 counties (län) of Sweden, by code.")
            .Resolve(_ => directory.Counties);
        query.Field<CountyType>("county")
            .Description("One county by its 2-digit code, e.g. \"12\" for Skåne län.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The official 2-digit county code.")
            .Resolve(c => directory.FindCounty(c.GetArgument<string>("code")));
    }
}

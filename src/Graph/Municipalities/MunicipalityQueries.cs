using GraphQL;
using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Graph.Lookups;

namespace Kvk.Graph.Municipalities;

public static class MunicipalityQueries
{
    public static void AddMunicipalityQueries(this ObjectGraphType query, MunicipalityDirectory directory)
    {
        MunicipalityList.Root.AddTo(query);
        query.Field<MunicipalityType>("municipality")
            .Description("One municipality by its 4-digit code, e.g. \"0180\" for Stockholm; null when no municipality has the code, an `INVALID_INPUT` error when it is not four digits.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The official 4-digit municipality code.")
            .Resolve(c => directory.Find(LookupArguments.MunicipalityCode(c.GetArgument<string>("code"))));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountyType>>>>("counties")
            .Description("The 21 counties (län) of Sweden, by code.")
            .Resolve(_ => directory.Counties);
        query.Field<CountyType>("county")
            .Description("One county by its 2-digit code, e.g. \"12\" for Skåne län; null when no county has the code, an `INVALID_INPUT` error when it is not two digits.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The official 2-digit county code.")
            .Resolve(c => directory.FindCounty(LookupArguments.CountyCode(c.GetArgument<string>("code"))));
    }
}

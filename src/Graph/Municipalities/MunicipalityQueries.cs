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
            .Description("One municipality by its 4-digit code, e.g. \"0180\" for Stockholm; null when no municipality has the code, an `INVALID_INPUT` " +
                "error when it is not four digits. Either way `extensions.lookups` says why, with the `nearest` municipality when the code is near one (a " +
                "digit off, or a name given as a code).")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The official 4-digit municipality code.")
            .Resolve(c => Find(c, directory, c.GetArgument<string>("code")));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountyType>>>>("counties")
            .Description("The 21 counties (län) of Sweden, by code.")
            .Resolve(_ => directory.Counties);
        query.Field<CountyType>("county")
            .Description("One county by its 2-digit code, e.g. \"12\" for Skåne län; null when no county has the code, an `INVALID_INPUT` error when " +
                "it is not two digits.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The official 2-digit county code.")
            .Resolve(c => directory.FindCounty(LookupArguments.CountyCode(c.GetArgument<string>("code"))));
    }

    private static Municipality? Find(IResolveFieldContext context, MunicipalityDirectory directory, string code)
    {
        if (LookupArguments.IsMunicipalityCode(code) && directory.Find(code) is { } found)
        {
            return found;
        }

        var nearest = NearestMunicipality.Of(directory, code);
        var hint = nearest is null ? "" : $" The nearest is \"{nearest.Code}\" ({nearest.Name}).";
        var known = LookupArguments.IsMunicipalityCode(code);
        context.Explain(
            LookupNotes.NoSuchMunicipality,
            (known ? $"No municipality has the code \"{code}\"." : $"\"{code}\" is not a municipality code (four digits).") + hint,
            nearest is null ? null : new Dictionary<string, object?> { ["code"] = nearest.Code, ["name"] = nearest.Name });
        return known ? null : throw LookupArguments.InvalidMunicipalityCode(code, hint);
    }
}

using Kvk.Graph.Engine.Lists.Filtering;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.ReadModel;

namespace Kvk.Graph.Municipalities;

/// <summary>The municipality of a document that holds its code, as filter paths under "municipality.".</summary>
public static class MunicipalityColumns
{
    /// <param name="table">The document's table, which names its columns inside subqueries.</param>
    /// <param name="denormalized">Paths the document carries itself (faster than the lookup).</param>
    public static Dictionary<string, FilterTarget> Of(string table, IReadOnlyDictionary<string, SqlColumn> denormalized)
    {
        string Lookup(string json) => $"(select {json} from {DocumentTables.Municipalities} where id = {table}.municipality_code)";
        var columns = new Dictionary<string, FilterTarget>
        {
            ["municipality.code"] = SqlColumn.Text($"{table}.municipality_code"),
            ["municipality.name"] = SqlColumn.Text(Lookup("data->>'name'")),
            ["municipality.officialName"] = SqlColumn.Text(Lookup("data->>'officialName'")),
            ["municipality.county.code"] = SqlColumn.Text(Lookup("data->'county'->>'code'")),
            ["municipality.county.name"] = SqlColumn.Text(Lookup("data->'county'->>'name'")),
            ["municipality.county.shortName"] = SqlColumn.Text(Lookup("data->'county'->>'shortName'")),
        };
        foreach (var (path, column) in denormalized)
        {
            columns[path] = column;
        }

        return columns;
    }
}

using System.Globalization;

namespace Kvk.Graph.Explorer;

/// <summary>
/// Where a municipality's data is found beyond Kvk: Kolada (RKA's key figures, whose municipality id is the same
/// 4-digit code; the API gives its <c>koladaUrl</c>) and Wikidata (the API's <c>wikidataId</c>).
/// </summary>
public static class MunicipalityElsewhere
{
    /// <summary>Every key figure Kolada holds for the municipality in a year.</summary>
    public static string KoladaData(string code, int year) => string.Create(
        CultureInfo.InvariantCulture,
        $"https://api.kolada.se/v2/data/municipality/{code}/year/{year}");

    public static string Wikidata(string item) => $"https://www.wikidata.org/wiki/{item}";
}

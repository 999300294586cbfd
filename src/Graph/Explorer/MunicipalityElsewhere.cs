using System.Globalization;

namespace Kvk.Graph.Explorer;

/// <summary>
/// Where a municipality's data is found beyond Kvk: Kolada (RKA's key figures, whose municipality id is the same
/// 4-digit code; the API gives its <c>koladaUrl</c>) and Wikidata (the API's <c>wikidataId</c>).
/// </summary>
public static class MunicipalityElsewhere
{
    /// <summary>
    /// Kolada's pages for people. Its pages of one municipality are addressed by an id of Kolada's own, not by the
    /// municipality code, so the pages link the site and label the API's addresses as JSON.
    /// </summary>
    public const string KoladaSite = "https://www.kolada.se/";

    /// <summary>Every key figure Kolada holds for the municipality in a year.</summary>
    public static string KoladaData(string code, int year) => string.Create(
        CultureInfo.InvariantCulture,
        $"https://api.kolada.se/v2/data/municipality/{code}/year/{year}");

    public static string Wikidata(string item) => $"https://www.wikidata.org/wiki/{item}";
}

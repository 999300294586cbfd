namespace Kvk.Graph.Explorer;

/// <summary>The links the pages share.</summary>
public static class ExplorerLinks
{
    /// <summary>The way on from a page with nothing else to show: the timeline, the map and the search.</summary>
    public static Html WayOn(ExplorerLanguage language)
    {
        var timeline = Html.Of($"<a href=\"{language.Home}\">{language.TimelineNav}</a>");
        return Html.Of($"{timeline} · <a href=\"{language.Map}\">{language.MapNav}</a> · <a href=\"{language.Search}\">{language.SearchNav}</a>");
    }

    public static Html Municipality(ExplorerLanguage language, MunicipalityName municipality) =>
        Html.Of($"<a href=\"{language.Municipality(municipality.Code)}\">{municipality.Name}</a>");

    /// <summary>An award's recipient as the jury named it ("Helsingborgs stad"), linked to the municipality.</summary>
    public static Html Recipient(ExplorerLanguage language, string recipientName, string municipalityCode) =>
        Html.Of($"<a href=\"{language.Municipality(municipalityCode)}\">{recipientName}</a>");

    public static Html Round(ExplorerLanguage language, int year) =>
        Html.Of($"<a href=\"{language.Round(year)}\">{year}</a>");
}

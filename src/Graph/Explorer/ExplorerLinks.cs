using Kvk.Domain.Municipalities;
using Kvk.Storage.Awards;

namespace Kvk.Graph.Explorer;

/// <summary>The links the pages share.</summary>
public static class ExplorerLinks
{
    public static Html Municipality(ExplorerLanguage language, Municipality municipality) =>
        Html.Of($"<a href=\"{language.Municipality(municipality.Code)}\">{municipality.Name}</a>");

    /// <summary>A municipality by its code, or the code itself should the directory not know it.</summary>
    public static Html Municipality(ExplorerLanguage language, MunicipalityDirectory municipalities, string code) =>
        municipalities.Find(code) is { } municipality ? Municipality(language, municipality) : Html.Of($"{code}");

    /// <summary>An award's recipient as the jury named it ("Helsingborgs stad"), linked to the municipality.</summary>
    public static Html Recipient(ExplorerLanguage language, AwardView award) =>
        Html.Of($"<a href=\"{language.Municipality(award.MunicipalityCode)}\">{award.RecipientName}</a>");

    public static Html Round(ExplorerLanguage language, int year) =>
        Html.Of($"<a href=\"{language.Round(year)}\">{year}</a>");
}

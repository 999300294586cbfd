namespace Kvk.Graph.Explorer;

/// <summary>What an address that names no round, municipality or page answers: a page that says so, with status 404.</summary>
public static class NotFoundPage
{
    public static ExplorerPage Render(ExplorerLanguage language, string message, Func<ExplorerLanguage, string> pathIn) => new(
        language.NotFoundTitle,
        Html.Of($"""
            <h1>{language.NotFoundTitle}</h1>
            <p>{message}</p>
            <p>{ExplorerLinks.WayOn(language)}</p>
            """),
        pathIn,
        StatusCode: StatusCodes.Status404NotFound);
}

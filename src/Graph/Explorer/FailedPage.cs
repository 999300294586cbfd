namespace Kvk.Graph.Explorer;

/// <summary>
/// What a page answers when its operation did not, with the API's words and the status every surface gives such an answer
/// (<see cref="Engine.Pipeline.SurfaceAnswer.FailureStatus"/>): refused (400), or unavailable for now (429, 500, 503).
/// </summary>
public static class FailedPage
{
    public static ExplorerPage Render(ExplorerLanguage language, ExplorerFailure failure, Func<ExplorerLanguage, string> pathIn)
    {
        var refused = failure.StatusCode == StatusCodes.Status400BadRequest;
        var title = refused ? language.RefusedTitle : language.UnavailableTitle;
        return new ExplorerPage(
            title,
            Html.Of($"""
                <h1>{title}</h1>
                <p>{(refused ? language.RefusedIntro : language.UnavailableIntro)}</p>
                <ul class="api-errors">
                {failure.Messages.Select(m => Html.Of($"<li lang=\"en\">{m}</li>"))}
                </ul>
                <p>{ExplorerLinks.WayOn(language)}</p>
                """),
            pathIn,
            StatusCode: failure.StatusCode);
    }
}

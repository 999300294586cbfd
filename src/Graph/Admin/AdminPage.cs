namespace Kvk.Graph.Admin;

/// <summary>
/// <c>GET /admin</c>: the secretariat's page, static HTML, CSS and JavaScript embedded in the assembly. No
/// build step, nothing from the internet; it talks to <c>/graphql</c> like any other client.
/// </summary>
public static class AdminPage
{
    public const string Path = "/admin";

    private static readonly Dictionary<string, (string Resource, string ContentType)> Files = new()
    {
        [Path] = ("admin.html", "text/html; charset=utf-8"),
        [Path + "/admin.js"] = ("admin.js", "text/javascript; charset=utf-8"),
        [Path + "/admin.css"] = ("admin.css", "text/css; charset=utf-8"),
        [Path + "/favicon.svg"] = ("favicon.svg", "image/svg+xml"),
    };

    /// <summary>Only this origin's files and requests; no inline script or style, no framing, no referrer.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static void MapAdminPage(this IEndpointRouteBuilder endpoints)
    {
        foreach (var (path, file) in Files)
        {
            endpoints.MapGet(path, async context =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.CacheControl = "no-store";
                context.Response.ContentType = file.ContentType;
                await using var stream = typeof(AdminPage).Assembly.GetManifestResourceStream("Kvk.Admin." + file.Resource)
                    ?? throw new InvalidOperationException($"The admin page's {file.Resource} is not embedded.");
                await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
            });
        }
    }
}

using System.Text.Json;
using Kvk.Graph.Engine.Pipeline;

namespace Kvk.Graph.Admin;

/// <summary>
/// <c>GET /admin</c>: the secretariat's page, static HTML, CSS and JavaScript embedded in the assembly. No
/// build step, nothing from the internet; it talks to <c>/graphql</c> like any other client, with the persisted documents,
/// refusal messages, limits and event lines of its <see cref="AdminVocabulary"/>.
/// </summary>
public static class AdminPage
{
    public const string Path = "/admin";

    private static readonly Dictionary<string, (string Resource, string ContentType)> Files = new()
    {
        [Path] = ("admin.html", "text/html; charset=utf-8"),
        [Path + "/admin.js"] = ("admin.js", "text/javascript; charset=utf-8"),
        [Path + "/admin-checks.js"] = ("admin-checks.js", "text/javascript; charset=utf-8"),
        [Path + "/admin-clash.js"] = ("admin-clash.js", "text/javascript; charset=utf-8"),
        [Path + "/admin-live.js"] = ("admin-live.js", "text/javascript; charset=utf-8"),
        [Path + "/admin.css"] = ("admin.css", "text/css; charset=utf-8"),
        [Path + "/favicon.svg"] = ("favicon.svg", "image/svg+xml"),
    };

    /// <summary>Only this origin's files and requests; no inline script or style, no framing (no referrer: as every response).</summary>
    public static readonly ContentSecurityPolicy ContentSecurityPolicy =
        ContentSecurityPolicy.Allowing("script-src 'self'", "style-src 'self'", "connect-src 'self'", "img-src 'self'", "form-action 'none'");

    public static void MapAdminPage(this IEndpointRouteBuilder endpoints)
    {
        foreach (var (path, file) in Files)
        {
            var endpoint = endpoints.MapGet(path, async context =>
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.ContentType = file.ContentType;
                await using var stream = typeof(AdminPage).Assembly.GetManifestResourceStream("Kvk.Admin." + file.Resource)
                    ?? throw new InvalidOperationException($"The admin page's {file.Resource} is not embedded.");
                await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
            });

            // The page declares what it loads; its script, style and icon are static files.
            _ = path == Path ? endpoint.WithContentSecurityPolicy(ContentSecurityPolicy) : endpoint.WithAdmission(AdmissionPolicy.StaticAsset);
        }

        // Fixed for the host's life, as its static files are: written once, at its first request, rather than hashing the
        // documents again for each; not kept by a browser past a deployment that changes it.
        var vocabulary = new Lazy<byte[]>(() => JsonSerializer.SerializeToUtf8Bytes(
            AdminVocabulary.Of(endpoints.ServiceProvider.GetRequiredService<PersistedDocumentRegistry>()), AdminVocabulary.Json));
        endpoints.MapGet(AdminVocabulary.Path, async context =>
        {
            context.Response.Headers.CacheControl = "no-store";
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.Body.WriteAsync(vocabulary.Value, context.RequestAborted);
        }).WithAdmission(AdmissionPolicy.StaticAsset);
    }
}

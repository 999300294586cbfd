using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// What an endpoint's responses may load beyond nothing, as endpoint metadata
/// (<see cref="SecurityHeaders.WithContentSecurityPolicy"/>): directives added to the strict default.
/// </summary>
public sealed class ContentSecurityPolicy
{
    private ContentSecurityPolicy(string value) => Value = value;

    /// <summary>Nothing may load, nothing may frame the response, no base URL, no form target.</summary>
    public static ContentSecurityPolicy Strict { get; } = new("default-src 'none'; frame-ancestors 'none'; base-uri 'none'");

    /// <summary>The strict policy with <paramref name="directives"/> (e.g. <c>style-src 'self'</c>) allowed besides.</summary>
    public static ContentSecurityPolicy Allowing(params string[] directives) =>
        new($"default-src 'none'; {string.Join("; ", directives)}; frame-ancestors 'none'; base-uri 'none'");

    /// <summary>The header's value.</summary>
    public string Value { get; }

    public override string ToString() => Value;
}

/// <summary>
/// The security headers of every response, set in one place whatever answered (an endpoint, a refusal, a 404, a
/// 304): <c>Content-Security-Policy</c> (for an HTML page, or its 304, the endpoint's <see cref="ContentSecurityPolicy"/>, for
/// anything else, or an endpoint that declares none, <see cref="ContentSecurityPolicy.Strict"/>: the endpoint of
/// GraphiQL's page answers JSON and SDL too), <c>X-Content-Type-Options: nosniff</c>, <c>X-Frame-Options: DENY</c>
/// and <c>Referrer-Policy: no-referrer</c>.
/// </summary>
public static class SecurityHeaders
{
    public const string ReferrerPolicy = "no-referrer";

    /// <summary>Declares what these endpoints' pages may load.</summary>
    public static TBuilder WithContentSecurityPolicy<TBuilder>(this TBuilder builder, ContentSecurityPolicy policy)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(policy);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var declared = MayBePage(context.Response) ? context.GetEndpoint()?.Metadata.GetMetadata<ContentSecurityPolicy>() : null;
                headers.ContentSecurityPolicy = (declared ?? ContentSecurityPolicy.Strict).Value;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = ReferrerPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>
    /// HTML, or a response without a body of its own: a 304's headers replace those a browser kept with the page, so it
    /// must carry the page's policy.
    /// </summary>
    private static bool MayBePage(HttpResponse response) =>
        response.ContentType is not { } type || type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
}

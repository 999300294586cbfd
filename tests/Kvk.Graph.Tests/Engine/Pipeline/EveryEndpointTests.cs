using System.Net;
using Kvk.Graph.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Engine.Pipeline;

/// <summary>
/// Every endpoint the host serves (its endpoint data sources, walked, not listed by hand), and the requests to
/// <c>/graphql</c> that carry no operation: each takes a permit of its client's rate limit, and every answer, whatever
/// its status, carries the same security headers.
/// </summary>
public sealed class EveryEndpointTests
{
    private const string Html = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task Every_endpoint_takes_a_permit_and_a_spent_bucket_refuses_it()
    {
        await using var server = await KvkTestServer.StartAsync(null,
            "--Kvk:RateLimiting:Enabled=true", "--Kvk:RateLimiting:PermitsPerSecond=1", "--Kvk:RateLimiting:Burst=3",
            "--Kvk:RateLimiting:Assets:PermitsPerSecond=1", "--Kvk:RateLimiting:Assets:Burst=3");
        var targets = Targets(server);
        Assert.Contains(targets, t => t.Path == "/graphql/assets/graphiql.min.js");

        // Static files draw on a bucket of their own, and say so.
        using (var css = await server.Client.GetAsync("/explorer.css"))
        {
            Assert.StartsWith("\"assets\";q=3;", Header(css, "RateLimit-Policy"), StringComparison.Ordinal);
        }

        var takesNoPermit = new List<string>();
        foreach (var target in targets)
        {
            // Both buckets spent, the target must be refused: a permit may come back between the last refusal and the
            // target (one a second), so a target is tried again then; one that takes no permit is never refused.
            HttpStatusCode status = default;
            for (var attempt = 0; attempt < 5 && status != HttpStatusCode.TooManyRequests; attempt++)
            {
                await SpendAsync(server, "/health/live");
                await SpendAsync(server, "/explorer.css");
                using var response = await server.Client.SendAsync(target.Request());
                status = response.StatusCode;
                if (status == HttpStatusCode.TooManyRequests)
                {
                    AssertSecurityHeaders(target.ToString(), response);
                    Assert.NotNull(response.Headers.RetryAfter);
                }
            }

            if (status != HttpStatusCode.TooManyRequests)
            {
                takesNoPermit.Add($"{target} answered {(int)status}");
            }
        }

        Assert.Empty(takesNoPermit);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_whatever_its_status()
    {
        await using var server = await KvkTestServer.StartAsync();
        var statuses = new HashSet<HttpStatusCode>();
        foreach (var target in Targets(server))
        {
            using var response = await server.Client.SendAsync(target.Request());
            statuses.Add(response.StatusCode);
            AssertSecurityHeaders(target.ToString(), response);

            // Asked again with what the first answer was tagged with: a 304 carries them too.
            if (response.Headers.ETag is { } tag)
            {
                using var again = target.Request();
                again.Headers.IfNoneMatch.Add(tag);
                using var notModified = await server.Client.SendAsync(again);
                statuses.Add(notModified.StatusCode);
                AssertSecurityHeaders(target + " (If-None-Match)", notModified);
            }
        }

        Assert.Superset(
            new HashSet<HttpStatusCode>
            {
                HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.NotModified, HttpStatusCode.MethodNotAllowed,
            },
            statuses);
    }

    [Fact]
    public async Task Pages_that_load_something_declare_it_and_everything_else_gets_the_strict_policy()
    {
        await using var server = await KvkTestServer.StartAsync();

        using var graphiql = await server.Client.SendAsync(new Target("/graphql", Html).Request());
        using var sdl = await server.Client.GetAsync("/graphql?sdl");
        using var csv = await server.Client.GetAsync("/export/awards.csv");
        using var sheet = await server.Client.GetAsync("/spreadsheet/awards.xlsx");
        using var missing = await server.Client.GetAsync("/no/such/page");

        var graphiqlPolicy = Header(graphiql, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", graphiqlPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", graphiqlPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", await graphiql.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var strict in new[] { sdl, csv, sheet, missing })
        {
            Assert.Equal("default-src 'none'; frame-ancestors 'none'; base-uri 'none'", Header(strict, "Content-Security-Policy"));
        }
    }

    /// <summary>Every route the host serves, its parameters filled, as a GET; and the requests to /graphql that carry no operation.</summary>
    private static List<Target> Targets(KvkTestServer server)
    {
        var routes = server.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => "/" + string.Join("/", e.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => Plausible(e.RoutePattern.RawText ?? "", parameter.Name),
                _ => "",
            })))))
            .Distinct(StringComparer.Ordinal)
            .Select(path => new Target(path))
            .ToList();
        Assert.True(routes.Count > 20, $"Only {routes.Count} routes found: {string.Join(", ", routes)}");
        return
        [
            .. routes,
            new("/graphql", Html),
            new("/graphql?sdl"),
            new("/graphql?query=%7B__typename%7D"),
            new("/graphql", Method: HttpMethod.Put),
            new("/graphql/assets/graphiql.min.css"),
            new("/graphql/assets/no-such-file.js"),
            new("/export/awards.csv?unknown=1"),
            new("/spreadsheet/awards.csv?where=%7B"),
            new("/no/such/page"),
        ];
    }

    private static string Plausible(string pattern, string parameter) => parameter switch
    {
        "year" => "2023",
        "code" => "1284",
        "file" when pattern.StartsWith("/graphql/assets", StringComparison.Ordinal) => "graphiql.min.js",
        "file" => "awards.csv",
        _ => "x",
    };

    /// <summary>Spends the client's bucket that <paramref name="path"/> draws on.</summary>
    private static async Task SpendAsync(KvkTestServer server, string path)
    {
        for (var i = 0; i < 20; i++)
        {
            using var response = await server.Client.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return;
            }
        }

        Assert.Fail($"{path} was never refused.");
    }

    private static void AssertSecurityHeaders(string target, HttpResponseMessage response)
    {
        var why = $"{target} answered {(int)response.StatusCode}";
        var policy = Header(response, "Content-Security-Policy");
        Assert.True(policy.StartsWith("default-src 'none';", StringComparison.Ordinal), $"{why} with Content-Security-Policy: {policy}");
        Assert.True(policy.Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"{why} with Content-Security-Policy: {policy}");
        Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", why);
        Assert.True(Header(response, "X-Frame-Options") == "DENY", why);
        Assert.True(Header(response, "Referrer-Policy") == "no-referrer", why);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : "";

    private sealed record Target(string Path, string? Accept = null, HttpMethod? Method = null)
    {
        public HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(Method ?? HttpMethod.Get, Path);
            if (Accept is not null)
            {
                request.Headers.Accept.ParseAdd(Accept);
            }

            return request;
        }

        public override string ToString() => $"{Method ?? HttpMethod.Get} {Path}{(Accept is null ? "" : " (Accept: text/html)")}";
    }
}

using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;
using Xunit.Abstractions;

namespace Kvk.Graph.Tests.Http;

/// <summary>The GraphQL-over-HTTP audits of the npm package graphql-http, run against the live server.</summary>
[Collection(SeededHistory.Name)]
public sealed class GraphQLHttpAuditTests(SeededKvk kvk, ITestOutputHelper output)
{
    [NeedsFact(Needs.NodeTooling)]
    public async Task Every_must_and_should_audit_of_graphql_http_passes()
    {
        var results = await RunAuditAsync();

        Assert.Empty(results.Where(r => r.Status is "error" or "warn").Select(r => $"{r.Id} {r.Name}: {r.Reason}"));
    }

    [NeedsFact(Needs.NodeTooling)]
    public async Task With_the_preflight_header_the_optional_get_audits_pass_too()
    {
        var results = await RunAuditAsync("--preflight");

        Assert.All(results, r => Assert.Equal("ok", r.Status));
    }

    private async Task<IReadOnlyList<(string Id, string Name, string Status, string Reason)>> RunAuditAsync(params string[] mode)
    {
        var url = new Uri(kvk.Server.Client.BaseAddress!, "/graphql").ToString();
        var (exitCode, lines, errors) = await NodeScript.RunAsync("audit.mjs", TimeSpan.FromMinutes(2), [url, .. mode]);
        foreach (var line in lines.Where(l => !l.StartsWith('{')))
        {
            output.WriteLine(line);
        }

        Assert.True(exitCode == 0, $"The audit failed (exit {exitCode}): {errors}");
        var json = JsonNode.Parse(lines.Last(l => l.StartsWith('{')))!["results"]!.AsArray();
        return [.. json.Select(r => ((string)r!["id"]!, (string)r["name"]!, (string)r["status"]!, (string)r["reason"]!))];
    }
}

using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;
using Xunit.Abstractions;

namespace Kvk.Graph.Tests.Engine.Transport;

/// <summary>The GraphQL-over-HTTP audits of the npm package graphql-http, run against the live server.</summary>
public sealed class GraphQLHttpAuditTests(SeededKvk kvk, ITestOutputHelper output) : IClassFixture<SeededKvk>
{
    [NeedsFact(Needs.NodeTooling)]
    public async Task Every_audit_of_graphql_http_passes_with_the_requests_as_the_audit_sends_them()
    {
        var results = await RunAuditAsync();

        Assert.Equal(60, results.Count);
        Assert.Empty(results.Where(r => r.Status != "ok").Select(r => $"{r.Id} {r.Name}: {r.Status} {r.Reason}"));
    }

    private async Task<IReadOnlyList<(string Id, string Name, string Status, string Reason)>> RunAuditAsync()
    {
        var url = new Uri(kvk.Server.Client.BaseAddress!, "/graphql").ToString();
        var (exitCode, lines, errors) = await NodeScript.RunAsync("audit.mjs", TimeSpan.FromMinutes(2), url);
        foreach (var line in lines.Where(l => !l.StartsWith('{')))
        {
            output.WriteLine(line);
        }

        Assert.True(exitCode == 0, $"The audit failed (exit {exitCode}): {errors}");
        var json = JsonNode.Parse(lines.Last(l => l.StartsWith('{')))!["results"]!.AsArray();
        return [.. json.Select(r => ((string)r!["id"]!, (string)r["name"]!, (string)r["status"]!, (string)r["reason"]!))];
    }
}

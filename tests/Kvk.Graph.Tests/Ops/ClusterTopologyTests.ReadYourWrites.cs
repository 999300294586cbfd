using System.Text.Json;
using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;

namespace Kvk.Graph.Tests.Ops;

/// <summary>Read-your-writes through HAProxy: a read that presents a mutation's data version never shows the round before it.</summary>
public sealed partial class ClusterTopologyTests
{
    private static readonly string[] Codes =
    [
        "0114", "0115", "0117", "0120", "0123", "0125", "0126", "0127", "0128", "0136",
        "0138", "0139", "0140", "0160", "0162", "0163", "0180", "0181", "0182", "0183",
    ];

    [Fact]
    public async Task A_public_read_presenting_a_mutations_committed_version_through_haproxy_always_shows_it_though_the_replica_lags()
    {
        var year = RoundYears.Next(Cluster.PrimaryConnectionString);
        var question = JsonSerializer.Serialize(new { query = $"{{ round(year: {year}) {{ nominees {{ municipality {{ code }} }} }} }}" });
        using var secretary = OpsCluster.Client(Cluster.Haproxy, secretariat: true);
        using var reader = OpsCluster.Client(Cluster.Haproxy);
        await MutateAsync(secretary, $"mutation {{ openRound(input: {{ year: {year} }}) {{ round {{ version }} errors {{ ... on Error {{ code }} }} }} }}");

        foreach (var code in Codes)
        {
            // Every host may hold the round as it was: the read after the write must not be answered from it.
            await (await reader.PostAsync("/graphql", KvkTestServer.Json(question))).Content.ReadAsStringAsync();
            using var mutation = await secretary.PostAsync("/graphql", KvkTestServer.Json(JsonSerializer.Serialize(new
            {
                query = $"mutation {{ nominateMunicipality(input: {{ year: {year}, municipalityCode: \"{code}\" }}) {{ round {{ version }} }} }}",
            })));
            var committedAt = Assert.Single(mutation.Headers.GetValues("Kvk-Committed-At"));
            var answer = JsonNode.Parse(await mutation.Content.ReadAsStringAsync())!;
            Assert.Equal(committedAt, (string?)answer["extensions"]!["kvk"]!["committedAt"]);

            using var read = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = KvkTestServer.Json(question) };
            read.Headers.Add("Kvk-After-Version", committedAt);
            using var response = await reader.SendAsync(read);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(
                body.Contains($"\"{code}\"", StringComparison.Ordinal),
                $"The read after {code}'s nomination (at {committedAt}) did not show it: {body}");
        }

        using var malformed = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = KvkTestServer.Json(question) };
        malformed.Headers.Add("Kvk-After-Version", "0/16B3748");
        using var refused = await reader.SendAsync(malformed);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("INVALID_AFTER_VERSION", (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]![0]!["extensions"]!["code"]);
    }
}

using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Schema;

public sealed class NodeTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    [Theory]
    [InlineData("Award", "{ awards(first: 1) { nodes { id } } }", "awards")]
    [InlineData("Round", "{ rounds(first: 1) { nodes { id } } }", "rounds")]
    [InlineData("Nomination", "{ nominations(first: 1) { nodes { id } } }", "nominations")]
    [InlineData("Municipality", "{ municipalities(first: 1) { nodes { id } } }", "municipalities")]
    public async Task Every_listed_type_round_trips_through_node(string typeName, string list, string field)
    {
        var id = (await kvk.Server.QueryAsync(list))[field]!["nodes"]![0]!["id"]!.GetValue<string>();

        var node = (await kvk.Server.QueryAsync("query($id: ID!) { node(id: $id) { __typename id } }", new { id }))["node"]!;

        Assert.Equal(typeName, node["__typename"]!.GetValue<string>());
        Assert.Equal(id, node["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Counties_round_trip_and_nodes_resolves_many_ids_in_order()
    {
        var data = await kvk.Server.QueryAsync("{ counties { id } award(year: 2009) { id municipality { id } } }");
        var ids = new[]
        {
            data["award"]!["municipality"]!["id"]!.GetValue<string>(),
            data["counties"]![0]!["id"]!.GetValue<string>(),
            data["award"]!["id"]!.GetValue<string>(),
        };

        var nodes = (await kvk.Server.QueryAsync("query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Municipality { name } ... on County { name } " +
            "... on Award { year } } }", new { ids }))["nodes"]!.AsArray();

        Assert.Equal(["Municipality", "County", "Award"], nodes.Select(n => n!["__typename"]!.GetValue<string>()));
        Assert.Equal(ids, nodes.Select(n => n!["id"]!.GetValue<string>()));
        Assert.Equal("Stockholm", nodes[0]!["name"]!.GetValue<string>());
        Assert.Equal("Stockholms län", nodes[1]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_id_of_nothing_is_null_and_a_malformed_id_is_a_clear_error()
    {
        var missing = await kvk.Server.QueryAsync("{ node(id: \"QXdhcmQ6MjAyNQ==\") { id } }");
        var malformed = await kvk.Server.PostAsync("{ node(id: \"!!\") { id } }");

        Assert.Null(missing["node"]);
        Assert.Equal("INVALID_ID", malformed["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}

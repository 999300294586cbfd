using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Engine.Schema;

/// <summary>What current GraphQL tooling asks of a schema is answered, and agrees with the published SDL.</summary>
public sealed class CurrentSpecIntrospectionTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    [NeedsFact(Needs.NodeTooling)]
    public async Task Graphql_js_reads_the_schema_with_every_introspection_option_and_gets_what_the_sdl_publishes()
    {
        var url = new Uri(kvk.Server.Client.BaseAddress!, "/graphql").ToString();
        var (exitCode, lines, errors) = await NodeScript.RunAsync("introspect.mjs", TimeSpan.FromMinutes(1), url);
        Assert.True(exitCode == 0, $"introspect.mjs failed (exit {exitCode}): {errors}");
        var result = JsonNode.Parse(lines.Last(l => l.StartsWith('{')))!;

        Assert.Empty(result["errors"]!.AsArray());
        Assert.Equal("https://www.graphql-scalars.com/date-time", (string?)result["dateTimeSpecifiedBy"]);
        Assert.StartsWith("Kvk:", (string?)result["description"], StringComparison.Ordinal);
        Assert.Contains(result["directives"]!.AsArray(), d => (string?)d!["name"] == "specifiedBy");
        Assert.True((bool)result["sameAsPublished"]!, "The schema built from introspection differs from the one built from /graphql?sdl.");
    }

    [Fact]
    public async Task Arguments_and_input_fields_answer_include_deprecated_and_directives_say_whether_they_repeat()
    {
        var result = await kvk.Server.PostAsync("""
            { __schema { directives { name isRepeatable args(includeDeprecated: true) { name isDeprecated } } }
              __type(name: "AwardFilterInput") { inputFields(includeDeprecated: true) { name isDeprecated } }
              dateTime: __type(name: "DateTime") { specifiedByURL } }
            """);

        Assert.Null(result["errors"]);
        Assert.Contains(result["data"]!["__schema"]!["directives"]!.AsArray(), d => (string?)d!["name"] == "skip" && !(bool)d["isRepeatable"]!);
        Assert.NotEmpty(result["data"]!["__type"]!["inputFields"]!.AsArray());
        Assert.Equal("https://www.graphql-scalars.com/date-time", (string?)result["data"]!["dateTime"]!["specifiedByURL"]);
    }
}

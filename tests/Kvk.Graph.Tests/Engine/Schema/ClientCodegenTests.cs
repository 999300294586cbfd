using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Engine.Schema;

/// <summary>A typed client toolchain works against the live schema, as a TypeScript client project would use it.</summary>
public sealed class ClientCodegenTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    [NeedsFact(Needs.NodeTooling)]
    public async Task GraphQL_Code_Generators_client_preset_generates_types_that_compile_strictly_from_the_live_schema()
    {
        var (exitCode, lines, errors) = await NodeScript.RunAsync("codegen.mjs", TimeSpan.FromMinutes(2), kvk.Server.Client.BaseAddress!.ToString());
        var line = lines.LastOrDefault(l => l.StartsWith('{'));
        Assert.True(line is not null, $"codegen.mjs printed no result (exit {exitCode}): {errors}");
        var result = JsonNode.Parse(line)!;

        Assert.Null((string?)result["error"]);
        Assert.Equal(
            ["gql/fragment-masking.ts", "gql/gql.ts", "gql/graphql.ts", "gql/index.ts"],
            result["generated"]!.AsArray().Select(f => (string)f!));
        Assert.Empty(Describe(result["good"]!));
        // A String! field read as a number is refused: the generated result types are real types, not `any`.
        Assert.Equal(["app/wrong.ts:5 TS2322 Type 'string' is not assignable to type 'number'."], Describe(result["wrong"]!));
        Assert.True(exitCode == 0, $"codegen.mjs failed (exit {exitCode}): {errors}");
    }

    private static IEnumerable<string> Describe(JsonNode diagnostics) =>
        diagnostics.AsArray().Select(d => $"{(string?)d!["file"]}:{(int?)d["line"]} TS{(int)d["code"]!} {(string)d["message"]!}");
}

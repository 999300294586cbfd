using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Engine.Lists;

/// <summary>
/// What the schema offers is what the SQL can do: every filter and sort path of every list root, read from the served
/// schema by introspection (so fields added later are walked too), runs against PostgreSQL without an error.
/// </summary>
public sealed class InputPathTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    private const string Introspection = """
        {
          __schema {
            queryType { fields { name args { name type { ...Ref } } } }
            types { name kind inputFields { name type { ...Ref } } enumValues { name } }
          }
        }
        fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
        """;

    [Fact]
    public async Task Every_filter_path_of_every_list_runs_in_postgresql()
    {
        var schema = await SchemaAsync();
        var failures = new List<string>();
        var walked = 0;
        foreach (var (root, inputType) in Roots(schema, "where"))
        {
            foreach (var condition in Conditions(schema, inputType))
            {
                walked++;
                var query = $"{{ {root}(first: 1, where: {condition}) {{ totalCount nodes {{ __typename }} }} }}";
                if ((await kvk.Server.PostAsync(query))["errors"] is JsonArray { Count: > 0 } errors)
                {
                    failures.Add($"{query} → {errors[0]!["message"]}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(walked > 300, $"Only {walked} filter paths were walked: the walk lost its way.");
    }

    [Fact]
    public async Task Every_sort_path_of_every_list_runs_in_postgresql()
    {
        var schema = await SchemaAsync();
        var failures = new List<string>();
        var walked = 0;
        foreach (var (root, inputType) in Roots(schema, "order"))
        {
            foreach (var order in Orders(schema, inputType))
            {
                walked++;
                var query = $"{{ {root}(first: 2, order: [{order}]) {{ totalCount pageInfo {{ endCursor }} nodes {{ __typename }} }} }}";
                var response = await kvk.Server.PostAsync(query);
                var cursor = (string?)response["data"]?[root]?["pageInfo"]?["endCursor"];
                var next = cursor is null ? response : await kvk.Server.PostAsync($"{{ {root}(first: 2, after: \"{cursor}\", order: [{order}]) {{ nodes " +
                    "{ __typename } } }");
                if ((response["errors"] ?? next["errors"]) is JsonArray { Count: > 0 } errors)
                {
                    failures.Add($"{query} → {errors[0]!["message"]}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(walked > 40, $"Only {walked} sort paths were walked: the walk lost its way.");
    }

    private async Task<JsonNode> SchemaAsync() => (await kvk.Server.QueryAsync(Introspection))["__schema"]!;

    /// <summary>
    /// The paged root fields with the argument <paramref name="argument"/>, and the input type it takes. A list's
    /// aggregate takes the same filter input, compiled by the same compiler; its groups are walked in AggregateTests.
    /// </summary>
    private static IEnumerable<(string Root, string InputType)> Roots(JsonNode schema, string argument) =>
        schema["queryType"]!["fields"]!.AsArray()
            .Where(f => f!["args"]!.AsArray().Any(a => (string?)a!["name"] == "first"))
            .Select(f => (Name: (string)f!["name"]!, Argument: f["args"]!.AsArray().FirstOrDefault(a => (string?)a!["name"] == argument)))
            .Where(f => f.Argument is not null)
            .Select(f => (f.Name, NamedType(f.Argument!["type"]!)));

    /// <summary>
    /// One condition per field of every filter input reachable from <paramref name="root"/>, in each relation it is
    /// reached through (a type's fields are walked once per parent type, breadth first, so each path context is covered).
    /// </summary>
    private static IEnumerable<string> Conditions(JsonNode schema, string root)
    {
        var visited = new HashSet<(string, string)>();
        var queue = new Queue<(string Type, string Parent, Func<string, string> Wrap)>();
        queue.Enqueue((root, "", c => c));
        while (queue.TryDequeue(out var item))
        {
            if (!visited.Add((item.Type, item.Parent)))
            {
                continue;
            }

            foreach (var field in Fields(schema, item.Type).Where(f => (string)f["name"]! is not ("and" or "or")))
            {
                var name = (string)field["name"]!;
                var type = NamedType(field["type"]!);
                if (type.EndsWith("OperationFilterInput", StringComparison.Ordinal))
                {
                    foreach (var operation in Operations(schema, type))
                    {
                        yield return item.Wrap($"{{ {name}: {operation} }}");
                    }
                }
                else if (type.StartsWith("ListFilterInputTypeOf", StringComparison.Ordinal))
                {
                    var itemType = NamedType(Fields(schema, type).First(f => (string)f["name"]! == "some")["type"]!);
                    var wrap = item.Wrap;
                    yield return wrap($"{{ {name}: {{ any: true }} }}");
                    yield return wrap($"{{ {name}: {{ count: {{ gte: 1 }} }} }}");
                    foreach (var quantifier in new[] { "some", "all", "none" })
                    {
                        queue.Enqueue((itemType, item.Type + "." + quantifier, c => wrap($"{{ {name}: {{ {quantifier}: {c} }} }}")));
                    }
                }
                else
                {
                    var wrap = item.Wrap;
                    queue.Enqueue((type, item.Type, c => wrap($"{{ {name}: {c} }}")));
                }
            }

            yield return item.Wrap("{ and: [{}], or: [{}] }");
        }
    }

    /// <summary>One order per sortable value reachable from <paramref name="root"/>, in each relation it is reached through.</summary>
    private static IEnumerable<string> Orders(JsonNode schema, string root)
    {
        var visited = new HashSet<(string, string)>();
        var queue = new Queue<(string Type, string Parent, Func<string, string> Wrap)>();
        queue.Enqueue((root, "", o => o));
        while (queue.TryDequeue(out var item))
        {
            if (!visited.Add((item.Type, item.Parent)))
            {
                continue;
            }

            foreach (var field in Fields(schema, item.Type))
            {
                var name = (string)field["name"]!;
                var type = NamedType(field["type"]!);
                var wrap = item.Wrap;
                if (type == "SortEnumType")
                {
                    yield return wrap($"{{ {name}: ASC }}");
                    yield return wrap($"{{ {name}: DESC }}");
                }
                else
                {
                    queue.Enqueue((type, item.Type, o => wrap($"{{ {name}: {o} }}")));
                }
            }
        }
    }

    private static IEnumerable<string> Operations(JsonNode schema, string type)
    {
        var sample = type switch
        {
            "StringOperationFilterInput" => "\"a\"",
            "IntOperationFilterInput" => "2019",
            "DateTimeOperationFilterInput" => "\"2020-01-01T00:00:00Z\"",
            "BooleanOperationFilterInput" => "true",
            _ => (string)schema["types"]!.AsArray().First(t => (string?)t!["name"] == type[..^"OperationFilterInput".Length])!["enumValues"]![0]!["name"]!,
        };
        foreach (var field in Fields(schema, type))
        {
            var name = (string)field["name"]!;
            yield return name switch
            {
                "and" or "or" => $"{{ {name}: [{{ eq: {sample} }}] }}",
                "in" or "nin" => $"{{ {name}: [{sample}] }}",
                _ => $"{{ {name}: {sample} }}",
            };
        }
    }

    private static IEnumerable<JsonNode> Fields(JsonNode schema, string type) =>
        schema["types"]!.AsArray().First(t => (string?)t!["name"] == type)!["inputFields"]!.AsArray()!.Select(f => f!);

    private static string NamedType(JsonNode type) => (string?)type["name"] ?? NamedType(type["ofType"]!);
}

using GraphQL;
using GraphQL.Utilities;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Schema;
using Kvk.Graph.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

namespace Kvk.Graph.Tests.Schema;

[Collection(SeededHistory.Name)]
public sealed class SchemaTests(SeededKvk kvk)
{
    [Fact]
    public void The_schema_sdl_matches_its_reviewed_snapshot()
    {
        var schema = kvk.Server.Services.GetRequiredService<KvkSchema>();

        Snapshot.Match(schema.Print(new PrintOptions { IncludeDescriptions = true }));
    }
}

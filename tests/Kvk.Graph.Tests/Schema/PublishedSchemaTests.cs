using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Seeding;
using Kvk.Graph.Engine.Transport;
using Kvk.Graph.Schema;
using Kvk.Graph.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Kvk.Graph.Tests.Schema;

/// <summary>
/// schema.graphql at the repository root is the published SDL, the one file a reviewer reads a schema change in. It is
/// checked against the schema built without a database; set KVK_WRITE_SCHEMA=1 to rewrite it after an intended change.
/// </summary>
public sealed class PublishedSchemaTests
{
    [Fact]
    public void The_committed_schema_graphql_is_the_schema_the_host_builds()
    {
        var path = Path.Combine(Repository.Root, "schema.graphql");
        var sdl = SchemaDocument.Of(BuildSchema());
        if (Environment.GetEnvironmentVariable("KVK_WRITE_SCHEMA") == "1")
        {
            File.WriteAllText(path, sdl);
        }

        Assert.True(File.Exists(path), "schema.graphql is missing: run `KVK_WRITE_SCHEMA=1 dotnet test --filter PublishedSchemaTests`.");
        Assert.Equal(File.ReadAllText(path), sdl);
    }

    [Fact]
    public async Task The_host_serves_the_published_schema_at_its_sdl_address()
    {
        await using var server = await KvkTestServer.StartAsync();

        var served = await server.Client.GetStringAsync("/graphql?sdl");

        // The schema built here, which the test above holds equal to schema.graphql: not the file itself, so that
        // KVK_WRITE_SCHEMA=1 passes on its first run whichever of the two tests runs first.
        Assert.Equal(SchemaDocument.Of(BuildSchema()), served);
    }

    /// <summary>The schema from the host's own registration, with nothing but the seeds' reference data.</summary>
    private static ISchema BuildSchema()
    {
        var services = new ServiceCollection()
            .AddSingleton(MunicipalityDirectory.Load(SeedFiles.Municipalities))
            .AddKvkGraphQL(new ConfigurationBuilder().Build(), new Production())
            .BuildServiceProvider();
        var schema = services.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema;
    }

    private sealed class Production : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "Kvk";

        public string ContentRootPath { get; set; } = "";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

using System.Reflection;
using Kvk.Domain.Rounds;
using Kvk.Graph.Engine;
using Kvk.Graph.Hosting;
using Kvk.Storage.Store;
using NetArchTest.Rules;

namespace Kvk.Graph.Tests.Architecture;

/// <summary>
/// The layers point one way: the domain core knows no framework; storage knows the domain and Marten; the GraphQL
/// engine knows no feature; the features know the engine and storage; only the composition knows everything.
/// </summary>
public sealed class LayeringTests
{
    private static readonly Assembly Domain = typeof(RoundRules).Assembly;
    private static readonly Assembly Storage = typeof(KvkStoreOptions).Assembly;
    private static readonly Assembly Engine = typeof(GraphQLEngine).Assembly;
    private static readonly Assembly Host = typeof(KvkApp).Assembly;

    /// <summary>The host's feature folders: each its types, resolvers and list declarations, around the engine.</summary>
    private static readonly string[] Features =
        [
            "Kvk.Graph.Awards",
            "Kvk.Graph.Rounds",
            "Kvk.Graph.Nominations",
            "Kvk.Graph.Municipalities",
            "Kvk.Graph.Search",
            "Kvk.Graph.Secretariat",
            "Kvk.Graph.Explorer",
            "Kvk.Graph.Admin",
            "Kvk.Graph.Downloads",
            "Kvk.Graph.Feeds",
            "Kvk.Graph.Live",
            "Kvk.Graph.Replication",
            "Kvk.Graph.Lookups",
            "Kvk.Graph.Sources",
            "Kvk.Graph.Meta",
            "Kvk.Graph.PublicLog",
        ];

    [Fact]
    public void The_domain_core_references_no_storage_web_or_graphql_framework() =>
        Assert.DoesNotContain(
            References(Domain),
            r => r.StartsWith("Marten", StringComparison.Ordinal)
                || r.StartsWith("JasperFx", StringComparison.Ordinal)
                || r.StartsWith("Npgsql", StringComparison.Ordinal)
                || r.StartsWith("GraphQL", StringComparison.Ordinal)
                || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || r.StartsWith("Kvk.", StringComparison.Ordinal));

    [Fact]
    public void Storage_knows_the_domain_and_marten_but_no_web_graphql_or_host() =>
        Assert.DoesNotContain(
            References(Storage),
            r => r.StartsWith("GraphQL", StringComparison.Ordinal)
                || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || r is "Kvk.Graph" or "Kvk.Graph.Engine");

    [Fact]
    public void The_engine_knows_no_feature_no_domain_and_no_storage() =>
        Assert.DoesNotContain(References(Engine), r => r.StartsWith("Kvk.", StringComparison.Ordinal) || r.StartsWith("Marten", StringComparison.Ordinal));

    [Fact]
    public void No_feature_depends_on_the_composition_of_the_host()
    {
        var result = Types.InAssembly(Host).That().ResideInNamespace("Kvk.Graph")
            .And().DoNotResideInNamespace("Kvk.Graph.Hosting")
            .And().DoNotResideInNamespace("Kvk.Graph.Schema")
            .ShouldNot().HaveDependencyOn("Kvk.Graph.Hosting").GetResult();

        Assert.True(result.IsSuccessful, "Depend on the host's composition: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void No_feature_depends_on_the_root_of_the_schema()
    {
        var result = Types.InAssembly(Host).That()
            .ResideInNamespaceMatching(string.Join('|', Features.Select(f => $"^{f.Replace(".", "\\.", StringComparison.Ordinal)}(\\.|$)")))
            .ShouldNot().HaveDependencyOn("Kvk.Graph.Schema").GetResult();

        Assert.True(result.IsSuccessful, "Depend on the schema's root types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Every_namespace_of_the_host_is_a_feature_the_schema_root_or_the_composition()
    {
        var known = Features.Append("Kvk.Graph.Schema").Append("Kvk.Graph.Hosting").ToHashSet(StringComparer.Ordinal);

        var unknown = Host.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("Kvk.Graph", StringComparison.Ordinal))
            .Select(n => string.Join('.', n.Split('.').Take(3)))
            .Where(n => !known.Contains(n))
            .Distinct();

        Assert.Empty(unknown);
    }

    [Theory]
    [InlineData("Kvk.Graph.Explorer")]
    [InlineData("Kvk.Graph.Feeds")]
    public void The_explorer_and_the_feeds_read_the_record_only_through_the_api(string surface)
    {
        // Every page and feed is GraphQL operations run through the pipeline (SurfaceClient): no store, no read path of its own,
        // so the embargo holds in them by construction.
        var result = Types.InAssembly(Host).That().ResideInNamespace(surface)
            .ShouldNot().HaveDependencyOnAny("Marten", "JasperFx", "Npgsql", "Kvk.Storage", "Kvk.Graph.Engine.Reading").GetResult();

        Assert.True(result.IsSuccessful, "Read the store past the API: " + string.Join(", ", result.FailingTypeNames ?? []));
        Assert.NotEmpty(Types.InAssembly(Host).That().ResideInNamespace(surface).GetTypes());
    }

    private static IEnumerable<string> References(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!);
}

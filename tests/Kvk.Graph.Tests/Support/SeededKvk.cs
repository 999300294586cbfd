namespace Kvk.Graph.Tests.Support;

/// <summary>One host over the seeded history, shared by the tests that only read.</summary>
public sealed class SeededKvk : IAsyncLifetime
{
    public KvkTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await KvkTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SeededHistory : ICollectionFixture<SeededKvk>
{
    public const string Name = "seeded history";
}

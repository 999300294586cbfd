namespace Kvk.Graph.Tests.Support;

/// <summary>
/// The host over the seeded history that the tests which only read share. A class takes it as its class fixture
/// (<c>IClassFixture&lt;SeededKvk&gt;</c>) and runs in parallel with the others; a class that counts what the whole host
/// does (statements, cache hits) joins <see cref="SeededHistory"/> instead, which runs alone.
/// </summary>
public sealed class SeededKvk : IAsyncLifetime
{
    private static readonly SharedServer Shared = new(() => KvkTestServer.StartAsync());

    public KvkTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await Shared.AcquireAsync();

    public Task DisposeAsync() => Shared.ReleaseAsync();
}

/// <summary>
/// The classes that count what the seeded host does as a whole: run after the parallel ones, one at a time, so that no
/// other test's requests are counted.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeededHistory : ICollectionFixture<SeededKvk>
{
    public const string Name = "seeded history";
}

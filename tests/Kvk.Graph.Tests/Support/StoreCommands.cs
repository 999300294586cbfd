using Kvk.Bench.Programmes;
using Kvk.Domain.Municipalities;
using Kvk.Storage.Store;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Support;

/// <summary>What the host's <c>generate</c> and <c>rebuild</c> commands do, run against a test host's store.</summary>
public static class StoreCommands
{
    /// <returns>The number of events projected.</returns>
    public static Task<long> RebuildReadModelAsync(this KvkTestServer server) =>
        server.Services.GetRequiredService<ReadModelRebuild>().RunAsync(new Progress<(long, long)>(), CancellationToken.None);

    /// <returns>The number of events appended (whole rounds, so a little over <paramref name="events"/>).</returns>
    public static Task<long> AppendSyntheticProgrammesAsync(this KvkTestServer server, long events) =>
        new SyntheticImport(server.Services.GetRequiredService<IDocumentStore>(), server.Services.GetRequiredService<MunicipalityDirectory>())
            .AppendAsync(events, new Progress<long>(), CancellationToken.None);
}

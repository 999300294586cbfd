using Kvk.Graph.Engine.Reading;
using Marten;
using Npgsql;

namespace Kvk.Graph.Hosting;

/// <summary>The engine's read store reads documents with Marten's own serializer, as Marten wrote them.</summary>
public sealed class MartenViews(IDocumentStore store) : IViewDeserializer
{
    private readonly ISerializer _serializer = store.Options.Serializer();

    public async Task<T> ReadAsync<T>(NpgsqlDataReader reader, int column, CancellationToken cancellationToken) =>
        await _serializer.FromJsonAsync<T>(reader, column, cancellationToken);
}

using Npgsql;

namespace Kvk.Graph.Engine.Reading;

/// <summary>Turns a stored document's JSON, a column of a read row, into the document: the store's own serializer does it.</summary>
public interface IViewDeserializer
{
    Task<T> ReadAsync<T>(NpgsqlDataReader reader, int column, CancellationToken cancellationToken);
}

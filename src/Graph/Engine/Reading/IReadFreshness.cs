namespace Kvk.Graph.Engine.Reading;

/// <summary>Whether the read pool holds a data version (<see cref="DataVersion"/>) yet, waiting for it briefly.</summary>
public interface IReadFreshness
{
    /// <returns>True once the read pool has replayed <paramref name="version"/>; false when it has not within its bound (read the primary).</returns>
    Task<bool> AwaitAsync(long version, CancellationToken cancellationToken);
}

using Kvk.Domain.Municipalities;
using Marten;

namespace Kvk.Storage.Municipalities;

/// <summary>
/// Keeps the municipality documents in the store equal to the directory, so that queries over
/// municipalities filter and sort in PostgreSQL like every other list. Writes only what differs.
/// </summary>
public static class MunicipalityDocuments
{
    public static async Task<int> SynchronizeAsync(IDocumentStore store, MunicipalityDirectory directory, CancellationToken cancellationToken = default)
    {
        await using var session = store.LightweightSession();
        var stored = (await session.Query<Municipality>().ToListAsync(cancellationToken)).ToDictionary(m => m.Code, StringComparer.Ordinal);
        var changed = directory.All.Where(m => !stored.TryGetValue(m.Code, out var s) || s != m).ToList();
        if (changed.Count > 0)
        {
            session.Store<Municipality>(changed);
            await session.SaveChangesAsync(cancellationToken);
        }

        return changed.Count;
    }
}

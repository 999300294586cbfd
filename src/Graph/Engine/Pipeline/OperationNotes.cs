using GraphQL;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// What the resolvers of one operation say beside its data, each note about the field at a path, under a key of the
/// response's top-level <c>extensions</c> (a feature chooses the key and the note's fields; the engine knows neither).
/// Scoped, one per operation; <see cref="OperationPipeline"/> writes them into the result, so that every transport
/// and the response cache carry them as they carry the data.
/// </summary>
public sealed class OperationNotes
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<(string Order, Dictionary<string, object?> Note)>> _notes = new(StringComparer.Ordinal);

    /// <param name="extension">The key under <c>extensions</c>, e.g. "lookups".</param>
    /// <param name="path">The response path of the field the note is about (aliases and list indexes as in the response).</param>
    /// <param name="fields">The note's fields after its <c>path</c>, in the order given.</param>
    public void Add(string extension, IEnumerable<object> path, params (string Name, object? Value)[] fields)
    {
        var at = path.ToList();
        var note = new Dictionary<string, object?> { ["path"] = at };
        foreach (var (name, value) in fields)
        {
            note[name] = value;
        }

        // Resolvers run in parallel: the notes are ordered by path, so that the same request always gives the same bytes.
        var order = string.Join(
            '\u001f',
            at.Select(p => p is int index ? index.ToString("D10", System.Globalization.CultureInfo.InvariantCulture) : p.ToString()));
        lock (_lock)
        {
            if (!_notes.TryGetValue(extension, out var notes))
            {
                _notes[extension] = notes = [];
            }

            notes.Add((order, note));
        }
    }

    /// <summary>The result with the notes in its extensions (beside any already there).</summary>
    public ExecutionResult WriteInto(ExecutionResult result)
    {
        lock (_lock)
        {
            if (_notes.Count == 0)
            {
                return result;
            }

            result.Extensions ??= [];
            foreach (var (extension, notes) in _notes.OrderBy(n => n.Key, StringComparer.Ordinal))
            {
                result.Extensions[extension] = notes.OrderBy(n => n.Order, StringComparer.Ordinal).Select(n => n.Note).ToList();
            }

            return result;
        }
    }
}

using GraphQL.PersistedDocuments;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// The trusted documents shipped with the service: every <c>*.graphql</c> file in this folder and its subfolders
/// (the explorer's pages, the downloads), known by <c>documentId: "sha256:&lt;hex of the file's text&gt;"</c>.
/// Clients may send the id instead of the text; the host's own surfaces name them by path ("Explorer/Round").
/// </summary>
public sealed class PersistedDocumentRegistry : IPersistedDocumentLoader
{
    public const string Folder = "PersistedDocuments";

    private readonly Dictionary<string, string> _byName;

    public PersistedDocumentRegistry()
        : this(Path.Combine(AppContext.BaseDirectory, Folder))
    {
    }

    public PersistedDocumentRegistry(string folder)
    {
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.graphql", SearchOption.AllDirectories) : [];
        _byName = files.ToDictionary(
            f => Path.ChangeExtension(Path.GetRelativePath(folder, f), null).Replace('\\', '/'),
            File.ReadAllText,
            StringComparer.Ordinal);
        Documents = _byName.Values.Distinct(StringComparer.Ordinal).ToDictionary(ParsedDocumentCache.Sha256, StringComparer.Ordinal);
    }

    /// <summary>A document by its path under the folder, without the extension ("Explorer/Round"); null when none is shipped.</summary>
    public string? Named(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The names of the documents in one subfolder ("Admin"), without the folder ("Rounds"), with their ids.</summary>
    public IReadOnlyDictionary<string, string> IdsIn(string subfolder) => _byName
        .Where(d => d.Key.StartsWith(subfolder + "/", StringComparison.Ordinal))
        .ToDictionary(d => d.Key[(subfolder.Length + 1)..], d => IdOf(d.Value), StringComparer.Ordinal);

    /// <summary>The documents by the hex SHA-256 of their text.</summary>
    public IReadOnlyDictionary<string, string> Documents { get; }

    /// <summary>The scheme of a document id, before its colon.</summary>
    private const string Scheme = "sha256";

    /// <summary>A document's id as clients send it: <c>sha256:&lt;hex&gt;</c>.</summary>
    public static string IdOf(string text) => $"{Scheme}:{ParsedDocumentCache.Sha256(text)}";

    /// <summary>The shipped document of an id as clients send it (<c>sha256:&lt;hex&gt;</c>); null when there is none.</summary>
    public string? Find(string documentId) =>
        documentId.StartsWith(Scheme + ":", StringComparison.Ordinal) ? Documents.GetValueOrDefault(documentId[(Scheme.Length + 1)..]) : null;

    public ValueTask<string?> GetQueryAsync(string? documentIdPrefix, string documentIdPayload, CancellationToken cancellationToken) =>
        ValueTask.FromResult(documentIdPrefix == Scheme && Documents.TryGetValue(documentIdPayload, out var query) ? query : null);
}

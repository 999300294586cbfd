using GraphQL.PersistedDocuments;
using Kvk.Graph.Engine.Pipeline;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// The trusted documents shipped with the service: every <c>*.graphql</c> file in this folder, known by
/// <c>documentId: "sha256:&lt;hex of the file's text&gt;"</c>. Clients may send the id instead of the text.
/// </summary>
public sealed class PersistedDocumentRegistry : IPersistedDocumentLoader
{
    public const string Folder = "PersistedDocuments";

    public PersistedDocumentRegistry()
        : this(Path.Combine(AppContext.BaseDirectory, Folder))
    {
    }

    public PersistedDocumentRegistry(string folder)
    {
        Documents = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.graphql").Select(File.ReadAllText).ToDictionary(ParsedDocumentCache.Sha256, StringComparer.Ordinal)
            : new Dictionary<string, string>();
    }

    /// <summary>The documents by the hex SHA-256 of their text.</summary>
    public IReadOnlyDictionary<string, string> Documents { get; }

    public ValueTask<string?> GetQueryAsync(string? documentIdPrefix, string documentIdPayload, CancellationToken cancellationToken) =>
        ValueTask.FromResult(documentIdPrefix == "sha256" && Documents.TryGetValue(documentIdPayload, out var query) ? query : null);
}

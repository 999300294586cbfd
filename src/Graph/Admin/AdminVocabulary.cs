using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Kvk.Graph.Engine.Pipeline;

namespace Kvk.Graph.Admin;

/// <summary>
/// <c>GET /admin/vocabulary.json</c>: what the admin page would otherwise repeat by hand, served from the declarations
/// that enforce it: the Swedish words of every refusal code, the limits of its fields, and the ids of the persisted
/// documents it sends (<c>PersistedDocuments/Admin/</c>). One more property is one more parameter here.
/// </summary>
/// <param name="Refusals">A refusal code (ROUND_NOT_FOUND) → what the page says.</param>
/// <param name="InvalidInput">A mutation's document name (OpenRound) → what the page says of its INVALID_INPUT.</param>
/// <param name="Limits">A limit's name (motivation) → the number the API holds a field to.</param>
/// <param name="Documents">A document's name (Rounds) → its id, as <c>documentId</c> on <c>/graphql</c> takes it.</param>
public sealed record AdminVocabulary(
    IReadOnlyDictionary<string, string> Refusals,
    IReadOnlyDictionary<string, string> InvalidInput,
    IReadOnlyDictionary<string, int> Limits,
    IReadOnlyDictionary<string, string> Documents)
{
    public const string Path = AdminPage.Path + "/vocabulary.json";

    /// <summary>The folder of the page's documents under <see cref="PersistedDocumentRegistry.Folder"/>.</summary>
    public const string DocumentFolder = "Admin";

    /// <summary>Property names as JavaScript reads them; keys (codes, names) and Swedish letters as they are.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static AdminVocabulary Of(PersistedDocumentRegistry documents) =>
        new(AdminRefusals.Messages, AdminRefusals.InvalidInput, AdminLimits.All, documents.IdsIn(DocumentFolder));
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Kvk.Domain.Rounds;
using Kvk.Graph.Engine.Pipeline;

namespace Kvk.Graph.Admin;

/// <summary>
/// <c>GET /admin/vocabulary.json</c>: what the admin page would otherwise repeat by hand, served from the declarations
/// that enforce it: the Swedish words of every refusal code, the limits of its fields, the ids of the persisted
/// documents it sends (<c>PersistedDocuments/Admin/</c>) and each round event's line in a round's history. One more
/// property is one more parameter here.
/// </summary>
/// <param name="Refusals">A refusal code (ROUND_NOT_FOUND) → what the page says.</param>
/// <param name="InvalidInput">A mutation's document name (OpenRound) → what the page says of its INVALID_INPUT.</param>
/// <param name="Limits">A limit's name (motivation) → the number the API holds a field to.</param>
/// <param name="Checks">A check's name (tooLong) → what the page says beside a field that breaks it, before any confirmation.</param>
/// <param name="Fields">A limit's name (motivation) → the name of the fields that carry it, in a check's words.</param>
/// <param name="Documents">A document's name (Rounds) → its id, as <c>documentId</c> on <c>/graphql</c> takes it.</param>
/// <param name="Events">
/// An event's stored name → its line after the actor's name (<c>line</c>, and <c>withoutMunicipality</c> where it is told
/// otherwise when its entry names no municipality), with the entry's fields as placeholders
/// (<see cref="RoundEventTelling.EntryPlaceholders"/>).
/// </param>
/// <param name="CredentialRefusals">
/// Why a credential that worked is refused now (<c>extensions.reason</c> of UNAUTHENTICATED: EXPIRED, REVOKED) → what the
/// sign-in view says.
/// </param>
public sealed record AdminVocabulary(
    IReadOnlyDictionary<string, string> Refusals,
    IReadOnlyDictionary<string, string> InvalidInput,
    IReadOnlyDictionary<string, int> Limits,
    IReadOnlyDictionary<string, string> Checks,
    IReadOnlyDictionary<string, AdminFieldName> Fields,
    IReadOnlyDictionary<string, string> Documents,
    IReadOnlyDictionary<string, AdminEventLines> Events,
    IReadOnlyDictionary<string, string> CredentialRefusals)
{
    public const string Path = AdminPage.Path + "/vocabulary.json";

    /// <summary>The folder of the page's documents under <see cref="PersistedDocumentRegistry.Folder"/>.</summary>
    public const string DocumentFolder = "Admin";

    /// <summary>Property names as JavaScript reads them; keys (codes, names) and Swedish letters as they are.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static AdminVocabulary Of(PersistedDocumentRegistry documents) => new(
        AdminRefusals.Messages,
        AdminRefusals.InvalidInput,
        AdminLimits.All,
        AdminChecks.Messages,
        AdminChecks.Fields,
        documents.IdsIn(DocumentFolder),
        EventLines,
        AdminRefusals.Credentials);

    private static readonly IReadOnlyDictionary<string, AdminEventLines> EventLines = RoundEventCatalogue.All.ToDictionary(
        kind => kind.StoredName,
        kind => new AdminEventLines(kind.Telling.Told.Secretariat, kind.Telling.WithoutMunicipality?.Secretariat));
}

/// <summary>An event's line in the secretariat's history, and its line when the entry names no municipality.</summary>
public sealed record AdminEventLines(string Line, string? WithoutMunicipality);

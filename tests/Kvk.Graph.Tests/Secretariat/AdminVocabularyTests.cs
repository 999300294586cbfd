using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kvk.Domain.Rounds;
using Kvk.Graph.Admin;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Secretariat;
using Kvk.Graph.Tests.Support;
using static Kvk.Graph.Tests.Secretariat.AdminBrowser;

namespace Kvk.Graph.Tests.Secretariat;

/// <summary>
/// What the admin page reads from <c>GET /admin/vocabulary.json</c> instead of repeating it: a Swedish message for
/// every code the API can refuse a recording with, and the ids of the persisted documents it sends.
/// </summary>
public sealed partial class AdminVocabularyTests
{
    public static async Task<JsonNode> VocabularyAsync(KvkTestServer server)
    {
        using var response = await server.Client.GetAsync(AdminVocabulary.Path);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Every_code_a_recording_can_be_refused_with_has_a_swedish_message()
    {
        await using var server = await StartServerAsync();
        var refusals = (await VocabularyAsync(server))["refusals"]!.AsObject();

        // The error unions of the served schema: what each mutation says it can answer.
        var types = (await server.QueryAsync("{ __schema { types { kind name possibleTypes { name } } } }"))["__schema"]!["types"]!.AsArray();
        var unions = MutationType.All.Select(m => m.TypeName + "Error").ToHashSet(StringComparer.Ordinal);
        var served = types.Where(t => (string?)t!["kind"] == "UNION" && unions.Contains((string)t["name"]!)).ToList();
        Assert.Equal(unions.Count, served.Count);
        var fromSchema = served.SelectMany(u => u!["possibleTypes"]!.AsArray().Select(p => CodeOfType((string)p!["name"]!)));

        // A recording without a token is refused before any rule: the code the page signs out on.
        var openRound = (string)(await VocabularyAsync(server))["documents"]!["OpenRound"]!;
        var unauthenticated = await server.PostAsync(null!, new { input = new { year = 2197 } }, documentId: openRound);
        var tokenCode = (string)unauthenticated["errors"]![0]!["extensions"]!["code"]!;

        var codes = Enum.GetValues<RefusalCode>().Select(MutationError.CodeOf)
            .Concat(MutationError.Recording.Select(r => r.Code))
            .Concat(fromSchema)
            .Append(tokenCode)
            .Distinct()
            .ToList();
        Assert.Contains(SecretariatMutation.Unauthenticated, codes);
        Assert.All(codes, code => Assert.False(string.IsNullOrWhiteSpace((string?)refusals[code]), $"The admin page has no message for {code}."));
    }

    [Fact]
    public async Task An_expired_or_revoked_credential_has_its_swedish_words_for_the_sign_in_view()
    {
        await using var server = await StartServerAsync();
        var words = (await VocabularyAsync(server))["credentialRefusals"]!;

        Assert.StartsWith("Din inloggning har gått ut", (string?)words["EXPIRED"], StringComparison.Ordinal);
        Assert.StartsWith("Din inloggning har återkallats", (string?)words["REVOKED"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_names_a_shipped_document_for_every_operation_and_a_mutation_document_for_every_mutation()
    {
        await using var server = await StartServerAsync();
        var vocabulary = await VocabularyAsync(server);
        var documents = vocabulary["documents"]!.AsObject();

        // Every file of the folder, by its id as the registry computes it from the text: nothing copied by hand.
        var folder = Path.Combine(AppContext.BaseDirectory, PersistedDocumentRegistry.Folder, AdminVocabulary.DocumentFolder);
        var files = Directory.GetFiles(folder, "*.graphql").ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllText, StringComparer.Ordinal);
        Assert.Equal(files.Keys.Order(StringComparer.Ordinal), documents.Select(d => d.Key).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal(PersistedDocumentRegistry.IdOf(f.Value), (string?)documents[f.Key]));

        Assert.All(MutationType.All, m => Assert.Contains(m.TypeName, files.Keys));
        Assert.All(vocabulary["invalidInput"]!.AsObject(), i => Assert.Contains(i.Key, files.Keys));
        // The page's scripts, as its markup loads them.
        var html = await server.Client.GetStringAsync(AdminPage.Path);
        var scripts = await Task.WhenAll(ScriptSource().Matches(html).Select(m => server.Client.GetStringAsync(m.Groups[1].Value)));
        var script = string.Join("\n", scripts);
        Assert.Contains("function record(", script, StringComparison.Ordinal);
        Assert.All(documents, d => Assert.Matches($"(graphql|record|subscribe)\\('{d.Key}'", script));
    }

    /// <summary><c>RoundNotFoundError</c> → <c>ROUND_NOT_FOUND</c>, the inverse of <see cref="MutationError.TypeNameOf"/>.</summary>
    private static string CodeOfType(string typeName)
    {
        var code = WordStart().Replace(typeName[..^"Error".Length], "_$1").ToUpperInvariant();
        Assert.Equal(typeName, MutationError.TypeNameOf(code));
        return code;
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex WordStart();

    [GeneratedRegex("<script src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}

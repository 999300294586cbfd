namespace Kvk.Domain.Municipalities;

/// <summary>
/// A municipality's official name, built as Swedish builds it: the genitive of the short name and "kommun". The
/// genitive adds -s, except after a vowel or after -s, -x or -z (Borås kommun, Kalix kommun, Ale kommun), and for the
/// names whose official form is an old or uninflected genitive. Checked against the official list for all 290
/// (seeds/kommun_wikidata.csv, column kommun_namn).
/// </summary>
public static class OfficialName
{
    /// <summary>The official names that do not follow the rule, by municipality code.</summary>
    public static readonly IReadOnlyDictionary<string, string> Exceptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // The old genitive of Falun.
        ["2080"] = "Falu kommun",

        // Uninflected, though it ends in -r.
        ["0880"] = "Kalmar kommun",
    };

    private const string Unchanged = "aeiouyåäösxz";

    public static string Of(string code, string shortName) =>
        Exceptions.TryGetValue(code, out var exception) ? exception
        : Unchanged.Contains(char.ToLowerInvariant(shortName[^1]), StringComparison.Ordinal) ? $"{shortName} kommun"
        : $"{shortName}s kommun";
}

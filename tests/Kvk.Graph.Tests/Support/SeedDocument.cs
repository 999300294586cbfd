using System.Text.RegularExpressions;

namespace Kvk.Graph.Tests.Support;

/// <summary>
/// Reads the source documents in <c>seeds/</c> independently of the importer, so that the tests compare
/// what the API serves with the documents themselves, not with the importer's reading of them.
/// </summary>
public static partial class SeedDocument
{
    public sealed record Winner(int Year, string RecipientName, string Motivation);

    public sealed record Nominee(int Year, string Code, string Role);

    private static string SeedPath(string file) => Path.Combine(AppContext.BaseDirectory, "seeds", file);

    public static IReadOnlyList<Winner> Winners()
    {
        var lines = File.ReadAllLines(SeedPath("sveriges-kvalitetskommun-vinnare.txt"));
        var winners = new List<Winner>();
        for (var i = 0; i < lines.Length - 1; i++)
        {
            if (Heading().Match(lines[i]) is { Success: true } m)
            {
                // The motivation is the next line, enclosed in a pair of quotation marks that are not part of it.
                var quoted = lines[i + 1];
                Assert.Contains(quoted[0], "“”");
                Assert.Equal('”', quoted[^1]);
                winners.Add(new Winner(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value, quoted[1..^1]));
            }
        }

        return winners;
    }

    public static IReadOnlyList<Nominee> Nominees() =>
        [.. File.ReadAllLines(SeedPath("nominees.csv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(f => new Nominee(int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture), f[1], f[3]))];

    [GeneratedRegex(@"^(?:Utmärkelsen )?Sveriges KvalitetsKommun (\d{4}) tilldelades (.+) med följande motivering:$")]
    private static partial Regex Heading();
}

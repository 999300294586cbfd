using System.Globalization;
using Kvk.Domain.Municipalities;

namespace Kvk.Graph.Municipalities;

/// <summary>
/// The municipality a code that names none probably meant: the code fewest edits away (one digit off, one left out as
/// in "180", one too many), the numerically closest among those; or, for a name given as a code ("Stockholm"), the
/// municipality of that name or one close to it.
/// </summary>
public static class NearestMunicipality
{
    /// <returns>Null when <paramref name="code"/> is neither digits nor near any municipality's name.</returns>
    public static Municipality? Of(MunicipalityDirectory directory, string code)
    {
        var text = code.Trim();
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            var number = long.Parse(text.Length > 18 ? text[..18] : text, CultureInfo.InvariantCulture);
            return directory.All
                .OrderBy(m => Distance(m.Code, text))
                .ThenBy(m => Math.Abs(long.Parse(m.Code, CultureInfo.InvariantCulture) - number))
                .ThenBy(m => m.Code, StringComparer.Ordinal)
                .FirstOrDefault();
        }

        var name = Name(text);
        if (name.Length == 0)
        {
            return null;
        }

        var (best, distance) = directory.All.Select(m => (m, Distance(Name(m.Name), name))).MinBy(c => c.Item2);
        // Beyond a third of the name's letters it is no longer a spelling of it.
        return distance <= Math.Max(1, name.Length / 3) ? best : null;
    }

    /// <summary>A name as compared: lower case, without "kommun" or "stad" ("Stockholms stad" is Stockholm).</summary>
    private static string Name(string name)
    {
        var lower = name.Trim().ToLower(CultureInfo.GetCultureInfo("sv-SE"));
        foreach (var suffix in (string[])["s kommun", " kommun", "s stad", " stad"])
        {
            if (lower.EndsWith(suffix, StringComparison.Ordinal))
            {
                return lower[..^suffix.Length];
            }
        }

        return lower;
    }

    /// <summary>The Levenshtein distance: the fewest insertions, deletions and substitutions from one text to the other.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}

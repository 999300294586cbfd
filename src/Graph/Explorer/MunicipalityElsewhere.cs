using System.Collections.Frozen;
using System.Globalization;

namespace Kvk.Graph.Explorer;

/// <summary>
/// Where a municipality's data is found beyond Kvk: Kolada (RKA's key figures, whose municipality id is the
/// same 4-digit code) and Wikidata (its item, from <c>seeds/kommun_wikidata.csv</c>).
/// </summary>
public sealed class MunicipalityElsewhere
{
    private readonly FrozenDictionary<string, string> _wikidata;

    private MunicipalityElsewhere(FrozenDictionary<string, string> wikidata) => _wikidata = wikidata;

    public static string Kolada(string code) => $"https://api.kolada.se/v2/municipality/{code}";

    /// <summary>Every key figure Kolada holds for the municipality in a year.</summary>
    public static string KoladaData(string code, int year) => string.Create(CultureInfo.InvariantCulture, $"https://api.kolada.se/v2/data/municipality/{code}/year/{year}");

    public string? Wikidata(string code) => _wikidata.TryGetValue(code, out var item) ? $"https://www.wikidata.org/wiki/{item}" : null;

    /// <summary>Reads the CSV (header: kommunkod, kommun, kommun_namn, lanskod, wikidata, note; no quoted fields).</summary>
    public static MunicipalityElsewhere Load(string csvPath)
    {
        var lines = File.ReadAllLines(csvPath);
        const string header = "kommunkod,kommun,kommun_namn,lanskod,wikidata,note";
        if (lines.Length == 0 || lines[0].Trim() != header)
        {
            throw new InvalidDataException($"{csvPath} must start with the header '{header}'.");
        }

        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, number) in lines.Skip(1).Select((l, i) => (l, i + 2)).Where(x => x.l.Length > 0))
        {
            var fields = line.Split(',');
            if (fields.Length < 5 || fields[0].Length != 4 || !fields[4].StartsWith('Q'))
            {
                throw new InvalidDataException($"Line {number} of {csvPath} is malformed: '{line}'.");
            }

            items[fields[0]] = fields[4];
        }

        return new MunicipalityElsewhere(items.ToFrozenDictionary(StringComparer.Ordinal));
    }
}

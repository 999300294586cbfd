using System.Collections.Frozen;

namespace Kvk.Domain.Municipalities;

/// <summary>
/// The 290 municipalities and 21 counties of Sweden, read from <c>seeds/municipalities.csv</c>.
/// Reference data: it changes by law, not by the secretariat, so it is loaded, not event-sourced.
/// </summary>
public sealed class MunicipalityDirectory
{
    private readonly FrozenDictionary<string, Municipality> _byCode;

    public MunicipalityDirectory(IEnumerable<Municipality> municipalities)
    {
        All = [.. municipalities.OrderBy(m => m.Code, StringComparer.Ordinal)];
        _byCode = All.ToFrozenDictionary(m => m.Code, StringComparer.Ordinal);
        Counties = [.. All.Select(m => m.County).DistinctBy(c => c.Code).OrderBy(c => c.Code, StringComparer.Ordinal)];
    }

    public IReadOnlyList<Municipality> All { get; }

    public IReadOnlyList<County> Counties { get; }

    public Municipality? Find(string? code) =>
        code is not null && _byCode.TryGetValue(code.Trim(), out var municipality) ? municipality : null;

    public County? FindCounty(string? code) => Counties.FirstOrDefault(c => c.Code == code);

    public IEnumerable<Municipality> InCounty(string countyCode) => All.Where(m => m.County.Code == countyCode);

    /// <summary>The directory of the file, with the open-data links of the reference files beside it where they are (see <see
    /// cref="OpenDataLinks"/>).</summary>
    public static MunicipalityDirectory Load(string csvPath) =>
        OpenDataLinks.Add(Parse(File.ReadAllLines(csvPath)), Path.GetDirectoryName(Path.GetFullPath(csvPath))!);

    /// <summary>Parses the CSV (header: municipality_code, municipality_name, municipality_name_short, county_code, county_name, county_name_short).</summary>
    public static MunicipalityDirectory Parse(IEnumerable<string> lines)
    {
        var rows = lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        const string header = "municipality_code,municipality_name,municipality_name_short,county_code,county_name,county_name_short";
        if (rows.Count == 0 || rows[0].Trim() != header)
        {
            throw new InvalidDataException($"The municipality file must start with the header '{header}'.");
        }

        var counties = new Dictionary<string, County>(StringComparer.Ordinal);
        var municipalities = rows.Skip(1).Select((line, index) =>
        {
            // The file has no quoted fields: no Swedish municipality or county name contains a comma.
            var f = line.Split(',');
            if (f.Length != 6 || f[0].Length != 4 || f[3].Length != 2)
            {
                throw new InvalidDataException($"Line {index + 2} of the municipality file is malformed: '{line}'.");
            }

            if (!counties.TryGetValue(f[3], out var county))
            {
                county = counties[f[3]] = new County(f[3], f[4], f[5]);
            }

            // The official name is built by rule, not copied: the source's long names add -s blindly ("Faluns kommun").
            return new Municipality(f[0], f[2], OfficialName.Of(f[0], f[2]), county);
        }).ToList();
        return new MunicipalityDirectory(municipalities);
    }
}

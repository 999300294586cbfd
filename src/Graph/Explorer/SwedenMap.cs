using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kvk.Graph.Explorer;

/// <summary>
/// Sweden's municipalities and counties as SVG path data, drawn once when the host starts from SCB's
/// boundaries in <c>seeds/</c> (GeoJSON, WGS 84). The projection is Transverse Mercator on a sphere with
/// Sweden's central meridian, 15° E, as in SWEREF 99 TM, SCB's own grid; one unit of the drawing is one
/// kilometre, coordinates are whole units, and each ring is written with relative moves. The boundaries
/// are already generalised by SCB: about 9,700 points for the 290 municipalities, 40 kB of path data.
/// </summary>
public sealed class SwedenMap
{
    private const double EarthRadiusKm = 6371.0;
    private const double CentralMeridian = 15.0;
    private const int Margin = 2;

    private SwedenMap(int width, int height, IReadOnlyDictionary<string, string> municipalities, IReadOnlyList<string> counties)
    {
        Width = width;
        Height = height;
        Municipalities = municipalities;
        Counties = counties;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The path data of each municipality by its code.</summary>
    public IReadOnlyDictionary<string, string> Municipalities { get; }

    /// <summary>The path data of each county's boundary, drawn over the municipalities.</summary>
    public IReadOnlyList<string> Counties { get; }

    /// <param name="municipalitiesGeoJson">Features with the property <c>kommun_kod</c> (4 digits).</param>
    /// <param name="countiesGeoJson">Features with the property <c>lan_kod</c> (2 digits).</param>
    public static SwedenMap Load(string municipalitiesGeoJson, string countiesGeoJson)
    {
        var municipalities = Read(municipalitiesGeoJson, "kommun_kod");
        var counties = Read(countiesGeoJson, "lan_kod");
        var points = municipalities.Concat(counties).SelectMany(f => f.Polygons).SelectMany(p => p).SelectMany(r => r).ToList();
        var (minX, minY) = (points.Min(p => p.X), points.Min(p => p.Y));
        var width = (int)Math.Ceiling(points.Max(p => p.X) - minX) + (2 * Margin);
        var height = (int)Math.Ceiling(points.Max(p => p.Y) - minY) + (2 * Margin);
        string Path(Feature feature) => PathData(feature, minX - Margin, minY - Margin);
        return new SwedenMap(
            width,
            height,
            municipalities.ToDictionary(f => f.Code, Path, StringComparer.Ordinal),
            [.. counties.OrderBy(f => f.Code, StringComparer.Ordinal).Select(Path)]);
    }

    private sealed record Feature(string Code, List<List<List<(double X, double Y)>>> Polygons);

    private static List<Feature> Read(string path, string codeProperty)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var features = new List<Feature>();
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var code = feature.GetProperty("properties").GetProperty(codeProperty).GetString()
                ?? throw new InvalidDataException($"A feature of {path} has no {codeProperty}.");
            var geometry = feature.GetProperty("geometry");
            var coordinates = geometry.GetProperty("coordinates");
            var polygons = geometry.GetProperty("type").GetString() switch
            {
                "Polygon" => [Polygon(coordinates)],
                "MultiPolygon" => coordinates.EnumerateArray().Select(Polygon).ToList(),
                var other => throw new InvalidDataException($"Feature {code} of {path} is a {other}, not a polygon."),
            };
            features.Add(new Feature(code, polygons));
        }

        return features;
    }

    private static List<List<(double X, double Y)>> Polygon(JsonElement rings) =>
        [.. rings.EnumerateArray().Select(ring => ring.EnumerateArray().Select(p => Project(p[0].GetDouble(), p[1].GetDouble())).ToList())];

    /// <summary>Kilometres east of the central meridian and south of the equator (SVG's y grows downwards).</summary>
    private static (double X, double Y) Project(double longitude, double latitude)
    {
        var phi = latitude * Math.PI / 180;
        var lambda = (longitude - CentralMeridian) * Math.PI / 180;
        var x = Math.Atanh(Math.Cos(phi) * Math.Sin(lambda));
        var y = Math.Atan2(Math.Tan(phi), Math.Cos(lambda));
        return (x * EarthRadiusKm, -y * EarthRadiusKm);
    }

    private static string PathData(Feature feature, double originX, double originY)
    {
        var data = new StringBuilder();
        foreach (var ring in feature.Polygons.SelectMany(p => p))
        {
            var points = new List<(int X, int Y)>(ring.Count);
            foreach (var (x, y) in ring)
            {
                var point = ((int)Math.Round(x - originX), (int)Math.Round(y - originY));
                if (points.Count == 0 || points[^1] != point)
                {
                    points.Add(point);
                }
            }

            if (points.Count > 1 && points[0] == points[^1])
            {
                points.RemoveAt(points.Count - 1);
            }

            if (points.Distinct().Count() < 3)
            {
                // An islet smaller than the drawing's resolution.
                continue;
            }

            data.Append('M').Append(Number(points[0].X)).Append(' ').Append(Number(points[0].Y)).Append('l');
            for (var i = 1; i < points.Count; i++)
            {
                AppendDelta(data, points[i].X - points[i - 1].X, i > 1);
                AppendDelta(data, points[i].Y - points[i - 1].Y, true);
            }

            data.Append('z');
        }

        if (data.Length == 0)
        {
            throw new InvalidDataException($"Feature {feature.Code} is too small to draw.");
        }

        return data.ToString();
    }

    /// <summary>A number of a path: a minus sign separates it from the one before, so only a positive one needs a space.</summary>
    private static void AppendDelta(StringBuilder data, int delta, bool separate)
    {
        if (separate && delta >= 0)
        {
            data.Append(' ');
        }

        data.Append(Number(delta));
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

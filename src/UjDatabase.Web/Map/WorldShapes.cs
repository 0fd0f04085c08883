using System.Globalization;
using System.Reflection;

namespace UjDatabase.Web.Map;

/// <summary>One country on the world map: its outline as an SVG path (null when it is too small and drawn as a point) and where flows meet it.</summary>
public sealed record CountryShape(string Code, double X, double Y, string? Path);

/// <summary>A part of the map in its own coordinates: the enlarged view of Europe, North Africa and the Middle East.</summary>
public sealed record MapBox(double X, double Y, double Width, double Height);

/// <summary>
/// The countries of the world map, projected and simplified at build time (tools/map/build-map.mjs, from Natural
/// Earth) into one embedded file, read once. Keyed by the project's ISO 3166-1 alpha-2 codes.
/// </summary>
public static class WorldShapes
{
    private const string Resource = "UjDatabase.Web.world-map.tsv";

    private static readonly Lazy<(int Width, int Height, MapBox Inset, Dictionary<string, CountryShape> Shapes)> Data = new(Load);

    public static int Width => Data.Value.Width;

    public static int Height => Data.Value.Height;

    /// <summary>Where most forums and many territories lie, too small on the world map: drawn enlarged beside it.</summary>
    public static MapBox Inset => Data.Value.Inset;

    public static IReadOnlyCollection<CountryShape> All => Data.Value.Shapes.Values;

    public static CountryShape? Find(string code) => Data.Value.Shapes.GetValueOrDefault(code);

    private static (int, int, MapBox, Dictionary<string, CountryShape>) Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The {Resource} resource is missing from UjDatabase.Web.");
        using var reader = new StreamReader(stream);
        var shapes = new Dictionary<string, CountryShape>(StringComparer.Ordinal);
        int width = 0, height = 0;
        MapBox? inset = null;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields[0] == "@box")
            {
                width = int.Parse(fields[1], CultureInfo.InvariantCulture);
                height = int.Parse(fields[2], CultureInfo.InvariantCulture);
                continue;
            }

            if (fields[0] == "@inset")
            {
                var box = fields[1..].Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
                inset = new MapBox(box[0], box[1], box[2], box[3]);
                continue;
            }

            var point = fields[1].Split(' ');
            shapes.Add(fields[0], new CountryShape(
                fields[0],
                double.Parse(point[0], CultureInfo.InvariantCulture),
                double.Parse(point[1], CultureInfo.InvariantCulture),
                fields[2].Length == 0 ? null : fields[2]));
        }

        return width > 0 && height > 0 && inset is not null ? (width, height, inset, shapes) : throw new InvalidOperationException($"The {Resource} resource lacks its @box or @inset line.");
    }
}

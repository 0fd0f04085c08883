using System.Reflection;
using UjDatabase.Core.Languages;

namespace UjDatabase.Core.Vocabularies;

/// <summary>A country code with its English and French names.</summary>
public sealed record Country(string Code, string Name, string FrenchName)
{
    /// <summary>The name in the current language of the site (<see cref="Texts.Current"/>).</summary>
    public string LocalName => Texts.Current == Texts.French ? FrenchName : Name;
}

/// <summary>A withdrawn country code and the present-day codes to use instead.</summary>
public sealed record HistoricalCountry(string Code, string Name, IReadOnlyList<string> Successors);

/// <summary>ISO 3166-1 alpha-2 countries (plus XK, Kosovo), and the rule for historical states.</summary>
/// <remarks>
/// Rule for historical states: records use present-day codes only. A crime committed in a state that no longer
/// exists is recorded under the present-day state where the place now lies (a crime in 1992 Bosnia is BA, not YU),
/// and a nationality under the successor nationality the person holds or held. Withdrawn codes are rejected with
/// the list of successors so that an editor can choose.
/// </remarks>
public static class Countries
{
    private static readonly Dictionary<string, Country> ByCode = Load();

    private static readonly Dictionary<string, HistoricalCountry> HistoricalByCode = new HistoricalCountry[]
    {
        new("YU", "Yugoslavia", ["BA", "HR", "ME", "MK", "RS", "SI", "XK"]),
        new("CS", "Serbia and Montenegro, or Czechoslovakia", ["RS", "ME", "XK", "CZ", "SK"]),
        new("SU", "Soviet Union", ["AM", "AZ", "BY", "EE", "GE", "KZ", "KG", "LV", "LT", "MD", "RU", "TJ", "TM", "UA", "UZ"]),
        new("ZR", "Zaire", ["CD"]),
        new("DD", "German Democratic Republic", ["DE"]),
        new("BU", "Burma", ["MM"]),
        new("TP", "East Timor", ["TL"]),
        new("DY", "Dahomey", ["BJ"]),
        new("HV", "Upper Volta", ["BF"]),
        new("RH", "Southern Rhodesia", ["ZW"]),
        new("YD", "South Yemen", ["YE"]),
        new("VD", "North Vietnam", ["VN"]),
        new("AN", "Netherlands Antilles", ["BQ", "CW", "SX"]),
    }.ToDictionary(h => h.Code, StringComparer.Ordinal);

    public static IReadOnlyCollection<Country> All => ByCode.Values;

    public static bool IsValid(string? code) => code is not null && ByCode.ContainsKey(code);

    public static Country? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var c) ? c : null;

    public static HistoricalCountry? FindHistorical(string? code) =>
        code is not null && HistoricalByCode.TryGetValue(code, out var h) ? h : null;

    /// <summary>The English name of a code, or the code itself when it is unknown.</summary>
    public static string NameOf(string code) => Find(code)?.Name ?? code;

    /// <summary>The name of a code in the current language, for people (the search index and exports' codes keep <see cref="NameOf"/>).</summary>
    public static string LocalNameOf(string code) => Find(code)?.LocalName ?? code;

    private static Dictionary<string, Country> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("UjDatabase.Core.countries.tsv")
            ?? throw new InvalidOperationException("The countries.tsv resource is missing from UjDatabase.Core.");
        using var reader = new StreamReader(stream);
        var result = new Dictionary<string, Country>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var columns = line.Split('\t');
            result.Add(columns[0], new Country(columns[0], columns[1], columns[2]));
        }

        return result;
    }
}

using UjDatabase.Core.Search;
using static UjDatabase.Core.Languages.Texts;

namespace UjDatabase.Web.Map;

/// <summary>What the map shades: the prosecuting states, or the countries where the crimes were committed.</summary>
public sealed record MapView(string Code, FacetDefinition Facet, string Title, string CountPhrase)
{
    /// <summary>The title in the current language.</summary>
    public string LocalTitle => T(Title);

    /// <summary>What the shaded records are ("prosecuted"), in the current language, after the word records.</summary>
    public string LocalCountPhrase => T(CountPhrase);

    public static MapView Forum { get; } = new("forum", FacetCatalogue.Forum, "Prosecuting states", "prosecuted");

    public static MapView Territory { get; } = new("territory", FacetCatalogue.Territory, "Where the crimes were committed", "of crimes committed there");

    public static IReadOnlyList<MapView> All { get; } = [Forum, Territory];

    /// <summary>The map's own URL parameter; every other parameter is the search's.</summary>
    public static ParameterDefinition Parameter { get; } = new("view", ParameterKind.Code, false, "What the map shades: forum (prosecuting states, the default) or territory (where the crimes were committed).")
    {
        Values = [.. All.Select(v => v.Code)],
    };

    public static MapView? Find(string? code) => code is null or "" ? Forum : All.FirstOrDefault(v => v.Code == code);

    /// <summary>"Germany: 12 records prosecuted": what a country's link and row say.</summary>
    // Whole sentences per view and number, so that a language can agree the words with the count.
    public string Describe(string country, long count) => (Code, count == 1) switch
    {
        ("forum", true) => T("{0}: {1:N0} record prosecuted", country, count),
        ("forum", false) => T("{0}: {1:N0} records prosecuted", country, count),
        (_, true) => T("{0}: {1:N0} record of crimes committed there", country, count),
        _ => T("{0}: {1:N0} records of crimes committed there", country, count),
    };
}

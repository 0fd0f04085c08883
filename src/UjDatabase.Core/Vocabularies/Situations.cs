using System.Globalization;
using System.Text;
using UjDatabase.Core.Languages;

namespace UjDatabase.Core.Vocabularies;

/// <summary>A situation the site has a page for: its slug (the URL), its name, and the beginnings of record situations it gathers.</summary>
public sealed record Situation(string Slug, string Name, IReadOnlyList<string> Beginnings)
{
    /// <summary>The name in the current language of the site (a record's own situation text stays as written).</summary>
    public string LocalName => Texts.T(Name);
}

/// <summary>
/// The situations with a page of their own. A record's <c>situation</c> is free text written by editors ("Syria 2011-
/// (shelling of the informal press centre in Baba Amr, Homs, 22 February 2012)"), so the same conflict is written in
/// several ways. A situation here gathers every record whose situation text begins with one of its beginnings, compared
/// without case or accents. This list is the one place that decides which records belong to a situation page: the
/// <c>situation</c> facet, the search filter, the statistics and the pages all read it.
/// </summary>
public static class Situations
{
    public static IReadOnlyList<Situation> All { get; } =
    [
        new("syria-2011", "Syria 2011-", ["Syria 2011-", "Syria under the Assad government", "Islamic State crimes in Syria"]),
        new("rwanda-1994", "Rwanda 1994 (genocide against the Tutsi)", ["Rwanda genocide 1994"]),
        new("liberia-1989-2003", "Liberia 1989-2003 (civil wars)", ["First Liberian Civil War", "Second Liberian Civil War", "Liberia under Charles Taylor"]),
        new("yazidis-2014", "Islamic State crimes against the Yazidis (2014-)", ["Islamic State crimes against Yazidis", "Islamic State crimes against the Yazidis"]),
        new("iraq-islamic-state-2014", "Iraq, war with the Islamic State (2014-2017)", ["Iraq - Islamic State rule in Mosul", "Iraq, Islamic State rule in Mosul", "Iraq: armed conflict with the Islamic State", "Iraq - war against the Islamic State"]),
        new("bosnia-1992-1995", "Bosnia and Herzegovina 1992-1995", ["Bosnia and Herzegovina war 1992-1995"]),
        new("ukraine-2022", "Russia's war against Ukraine (2022-)", ["Russian invasion of Ukraine", "Russian full-scale invasion of Ukraine", "Russia-Ukraine war 2022-"]),
        new("israel-gaza-2023", "Israel and Gaza 2023-", ["Israel-Gaza war 2023-", "Israel-Hamas war, Gaza 2023-", "Hamas-led attack on Israel, 7 October 2023"]),
        new("myanmar-rohingya-2016", "Myanmar, Rohingya (2016-2017)", ["Myanmar, Rohingya"]),
        new("gambia-1994-2017", "The Gambia under Yahya Jammeh (1994-2017)", ["The Gambia under Yahya Jammeh"]),
        new("chad-1982-1990", "Chad under Hissène Habré (1982-1990)", ["Chad under Hissène Habré"]),
        new("argentina-1976-1983", "Argentina, military dictatorship (1976-1983)", ["Argentina military dictatorship"]),
        new("chile-1973-1990", "Chile, military dictatorship (1973-1990)", ["Chile military dictatorship"]),
        new("afghanistan-1978-1992", "Afghanistan, communist regime (1978-1992)", ["Afghanistan, communist (PDPA) regime"]),
        new("spain-1936-1977", "Spain, Franco dictatorship (1936-1977)", ["Spain, Franco dictatorship"]),
        new("ethiopia-red-terror", "Ethiopia, the Red Terror (1970s)", ["Ethiopia, Red Terror", "Red Terror under the Derg"]),
        new("guatemala-1960-1996", "Guatemala, internal armed conflict (1960-1996)", ["Guatemala internal armed conflict"]),
    ];

    private static readonly Dictionary<string, Situation> BySlug = All.ToDictionary(s => s.Slug, StringComparer.Ordinal);

    private static readonly (string Beginning, string Slug)[] Beginnings =
        All.SelectMany(s => s.Beginnings.Select(b => (Fold(b), s.Slug))).ToArray();

    /// <summary>The situation with this slug, or null (also for a blank or odd slug).</summary>
    public static Situation? Find(string? slug) => slug is not null && BySlug.TryGetValue(slug, out var situation) ? situation : null;

    /// <summary>The name of a situation in the current language, or the slug itself when there is no such situation.</summary>
    public static string NameOf(string slug) => Find(slug)?.LocalName ?? slug;

    /// <summary>The slugs of the situations a record's situation text belongs to (none when it is in no listed situation).</summary>
    public static IEnumerable<string> Of(string? situationText)
    {
        if (string.IsNullOrWhiteSpace(situationText))
        {
            return [];
        }

        var folded = Fold(situationText);
        return Beginnings.Where(b => folded.StartsWith(b.Beginning, StringComparison.Ordinal)).Select(b => b.Slug).Distinct();
    }

    /// <summary>Lower case without accents or surrounding spaces, so that "Chad under Hissene Habre" is written alike.</summary>
    private static string Fold(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}

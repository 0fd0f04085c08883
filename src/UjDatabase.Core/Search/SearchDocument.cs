using System.Globalization;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Statistics;
using UjDatabase.Core.Vocabularies;

namespace UjDatabase.Core.Search;

/// <summary>
/// What the index holds of a record: the searchable text by field (names weigh most), the values facets filter and
/// count, the facts the counting rules read, and the sort keys. Both engines build their documents from this, so they
/// search, count and order the same things.
/// </summary>
public sealed record SearchDocument(
    string Id,
    bool Published,
    string? CaseGroup,
    IReadOnlyList<string> Names,
    IReadOnlyDictionary<SearchField, string> Text,
    IReadOnlyList<(FacetDefinition Facet, IReadOnlyList<string> Values)> Facets,
    IReadOnlyList<(string Crime, string Stage)> Charges,
    IReadOnlyList<ChargeTopic> ChargeTopics,
    IReadOnlyList<EventFact> EventFacts,
    string SortName,
    int SortDate,
    int Updated)
{
    private static readonly string[] ArabicArticles = ["al-", "el-", "ad-", "ar-", "as-", "at-", "az-", "an-", "ash-"];

    public static SearchDocument From(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var names = new[] { record.Accused.Name, record.Accused.PublishedName }.Concat(record.Accused.Aliases)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var text = new Dictionary<SearchField, string>
        {
            [SearchFields.Names] = Join([.. names, record.Title]),
            [SearchFields.Position] = record.Accused.Position ?? string.Empty,
            [SearchFields.Court] = Join(record.Forum.Court, record.Forum.City, record.Forum.Country is null ? null : Countries.NameOf(record.Forum.Country)),
            [SearchFields.Situation] = Join([record.Situation, .. record.TerritorialCountries.Select(Countries.NameOf)]),
            [SearchFields.Summary] = record.Summary ?? string.Empty,
            [SearchFields.Events] = Join([.. record.Events.Select(e => e.Description), .. record.Charges.Select(c => c.Qualification)]),
            [SearchFields.Organisations] = Join([.. record.CivilSociety.Select(o => o.Name)]),
        };
        return new SearchDocument(
            record.Id,
            record.IsPublished,
            record.CaseGroup,
            names,
            text,
            FacetCatalogue.All.Select(f => (f, (IReadOnlyList<string>)f.Values(record).Distinct(StringComparer.Ordinal).ToList())).ToList(),
            record.Charges.Select(c => (c.Crime!, c.Stage!)).Distinct().ToList(),
            record.Charges.SelectMany(c => c.Topics.Select(t => new ChargeTopic(c.Crime!, c.Stage!, t))).Distinct().ToList(),
            EventFact.Of(record),
            SortKey(record),
            record.Events.Count == 0 ? 0 : DateKey(record.Events.Max(e => e.Date!.Value)),
            record.Updated is { } updated ? DateKey(updated) : 0);
    }

    /// <summary>
    /// How a record sorts by name: a person by family name ("raslan, anwar"), from <c>accused.sort_name</c> when given,
    /// else the last word of the name without an Arabic article ("al-Gharib" sorts under G); an organisation by its name;
    /// a structural investigation by its title. Folded, so accents and case do not change the order.
    /// </summary>
    public static string SortKey(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var accused = record.Accused;
        if (accused.SortName is { } given)
        {
            return QueryText.Fold(given);
        }

        if (accused.Type != "person" || (accused.Name ?? accused.PublishedName) is not { } name)
        {
            return QueryText.Fold(accused.Name ?? record.Title);
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var family = words[^1];
        var article = ArabicArticles.FirstOrDefault(a => family.StartsWith(a, StringComparison.OrdinalIgnoreCase) && family.Length > a.Length);
        if (article is not null)
        {
            family = family[article.Length..];
        }

        return QueryText.Fold(words.Length == 1 ? family : $"{family}, {string.Join(' ', words[..^1])}");
    }

    /// <summary>A partial date as a number that sorts like it: 2019 → 20190000, 2019-04 → 20190400, 2019-04-01 → 20190401.</summary>
    public static int DateKey(PartialDate date) => (date.Year * 10000) + ((date.Month ?? 0) * 100) + (date.Day ?? 0);

    private static string Join(params string?[] parts) =>
        string.Join(" \n ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>The values of one facet.</summary>
    public IReadOnlyList<string> ValuesOf(FacetDefinition facet) =>
        Facets.First(f => f.Facet == facet).Values;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id} ({SortName})");
}

/// <summary>A topic a charge names (a rape charge: sexual and gender-based violence), with the charge's crime and stage.</summary>
public readonly record struct ChargeTopic(string Crime, string Stage, string Topic);

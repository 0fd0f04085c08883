using UjDatabase.Core.Cases;
using UjDatabase.Core.Vocabularies;

namespace UjDatabase.Core.Search;

/// <summary>
/// What the index holds of a record: the searchable text by field (names weigh most) and the values facets filter and
/// count. Both engines build their documents from this, so they search and count the same things.
/// </summary>
public sealed record SearchDocument(
    string Id,
    bool Published,
    string Names,
    string Position,
    string Court,
    string Situation,
    string Summary,
    string Events,
    IReadOnlyList<(string Facet, IReadOnlyList<string> Values)> Facets,
    IReadOnlyList<(string Crime, string Stage)> Charges,
    IReadOnlyList<Statistics.EventFact> EventFacts,
    IReadOnlyList<string> NameList,
    string SortName,
    string? SortDate)
{
    public static SearchDocument From(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var names = new[] { record.Accused.Name, record.Accused.PublishedName }.Concat(record.Accused.Aliases)
            .Where(n => n is not null).Select(n => n!).Distinct(StringComparer.Ordinal).ToList();
        var court = Join(record.Forum.Court, record.Forum.City, record.Forum.Country is null ? null : Countries.NameOf(record.Forum.Country));
        var situation = Join([record.Situation, .. record.TerritorialCountries.Select(Countries.NameOf)]);
        return new SearchDocument(
            record.Id,
            record.IsPublished,
            Join([.. names, record.Title]),
            record.Accused.Position ?? string.Empty,
            court,
            situation,
            record.Summary ?? string.Empty,
            Join([.. record.Events.Select(e => e.Description), .. record.Charges.Select(c => c.Qualification)]),
            FacetCatalogue.All.Select(f => (f.Name, (IReadOnlyList<string>)f.Values(record).Distinct(StringComparer.Ordinal).ToList())).ToList(),
            record.Charges.Select(c => (c.Crime!, c.Stage!)).Distinct().ToList(),
            Statistics.EventFact.Of(record),
            names,
            QueryText.Fold(record.DisplayName),
            record.Events.Count == 0 ? null : record.Events.Max(e => e.Date!.Value).ToString());
    }

    private static string Join(params string?[] parts) =>
        string.Join(" \n ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>The facet values as one compact text column: <c>forum=DE;territory=SY,IQ;...</c>.</summary>
    public string FacetsText() => string.Join(';', Facets.Select(f => $"{f.Facet}={string.Join(',', f.Values)}"));

    public string ChargesText() => string.Join(',', Charges.Select(c => $"{c.Crime}:{c.Stage}"));

    /// <summary>The events as <c>type:year:outcome</c> (outcome empty when there is none).</summary>
    public string EventsText() => string.Join(',', EventFacts.Select(e => $"{e.Type}:{e.Year}:{e.Outcome}"));

    public string NamesText() => string.Join('\n', NameList);
}

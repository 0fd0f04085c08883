using UjDatabase.Core.Search;
using UjDatabase.Web.Languages;

namespace UjDatabase.Web.Search;

/// <summary>Builds the GET links of the search pages: every state of a search is a URL, in the language of the page.</summary>
public static class SearchLinks
{
    public const string SearchPath = "/search";

    public static string To(CaseQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ToQueryString(query.ToQueryString());
    }

    /// <summary>The search page for a query string already written (a statistic's cell, a headline figure).</summary>
    public static string ToQueryString(string queryString)
    {
        ArgumentNullException.ThrowIfNull(queryString);
        return LanguageLinks.Local(queryString.Length == 0 ? SearchPath : $"{SearchPath}?{queryString}");
    }

    /// <summary>The search with one facet value added or removed, back on page 1.</summary>
    public static string Toggle(CaseQuery query, string facet, string value)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = query.Selected(facet).ToList();
        if (!values.Remove(value))
        {
            values.Add(value);
        }

        return To(query.WithFilter(facet, values) with { Page = 1 });
    }

    /// <summary>The search without any value of one facet.</summary>
    public static string Without(CaseQuery query, string facet)
    {
        ArgumentNullException.ThrowIfNull(query);
        return To(query.WithFilter(facet, []) with { Page = 1 });
    }

    public static string WithoutText(CaseQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return To(query with { Text = null, Page = 1 });
    }

    public static string WithoutGroup(CaseQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return To(query with { Group = null, Page = 1 });
    }

    public static string WithoutEvents(CaseQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return To(query with { EventType = null, FromYear = null, ToYear = null, Page = 1 });
    }

    /// <summary>The search without the statistic it came from (measure, year and unit).</summary>
    public static string WithoutMeasure(CaseQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return To(query with { Measure = null, Year = null, Unit = null, Page = 1 });
    }

    public static string WithoutUnit(CaseQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return To(query with { Unit = null });
    }

    public static string Page(CaseQuery query, int page)
    {
        ArgumentNullException.ThrowIfNull(query);
        return To(query with { Page = page });
    }

    public static string Years(CaseQuery query, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(query);
        return To(query with { FromYear = from, ToYear = to, Page = 1 });
    }

    /// <summary>The page of a country (for the forum, territory and nationality facets) or a situation; null for other values.</summary>
    public static string? PageOf(string facet, string value) => value == FacetCatalogue.Missing ? null : facet switch
    {
        "forum" or "territory" or "nationality" => LanguageLinks.Local($"/countries/{value}"),
        "situation" => LanguageLinks.Local($"/situations/{value}"),
        _ => null,
    };

    /// <summary>A new search for records with one value of one facet: what every value on a case page links to.</summary>
    public static string For(string facet, string value) => To(CaseQuery.Empty.WithFilter(facet, [value]));

    /// <summary>A new search for a phrase, e.g. a court's name.</summary>
    public static string ForPhrase(string text) => To(CaseQuery.Empty with { Text = $"\"{text.Replace("\"", string.Empty, StringComparison.Ordinal)}\"" });

    /// <summary>The statistics page over a search's records.</summary>
    public static string Stats(CaseQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var queryString = query.AsListing().ToQueryString();
        return LanguageLinks.Local(queryString.Length == 0 ? "/stats" : $"/stats?{queryString}");
    }

    /// <summary>The world map of a search's records, shading the prosecuting states (the default) or the territories.</summary>
    public static string Map(CaseQuery query, string? view = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var queryString = query.AsListing().ToQueryString();
        var parts = new[] { queryString, view is null ? string.Empty : $"view={Uri.EscapeDataString(view)}" }.Where(p => p.Length > 0);
        var joined = string.Join('&', parts);
        return LanguageLinks.Local(joined.Length == 0 ? "/map" : $"/map?{joined}");
    }

    /// <summary>Every record of a search as a file.</summary>
    public static string Export(CaseQuery query, string format)
    {
        ArgumentNullException.ThrowIfNull(query);
        var queryString = (query with { Page = 1, Size = CaseQuery.DefaultSize }).ToQueryString();
        return LanguageLinks.Local($"/api/cases/export?{queryString}{(queryString.Length == 0 ? string.Empty : "&")}format={format}");
    }

    /// <summary>The Atom feed of a search.</summary>
    public static string Feed(CaseQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var queryString = query.AsListing().ToQueryString();
        return LanguageLinks.Local(queryString.Length == 0 ? "/feeds/cases.atom" : $"/feeds/cases.atom?{queryString}");
    }
}

using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;

namespace UjDatabase.Web.Map;

/// <summary>A country's count on the map: the search's facet count, and the search filtered by the country.</summary>
public sealed record CountryCount(string Code, string Label, long Count, bool Selected, string Url, CountryShape? Shape);

/// <summary>Records prosecuted in one state for crimes committed in another (or where it is not recorded), and the search listing them.</summary>
public sealed record Flow(DimensionValue Territory, DimensionValue Forum, long Count, string Url);

/// <summary>The world map of a search: the countries of one view with their counts, and the flows between territories and forums.</summary>
public sealed record WorldMap(CaseQuery Query, MapView View, long Total, IReadOnlyList<CountryCount> Countries, IReadOnlyList<Flow> Flows, string FlowRule)
{
    /// <summary>What the search says about its words (searched as plain words, ...), as the search page shows it.</summary>
    public string? Notice { get; init; }

    public MapScale Scale { get; } = MapScale.For(Countries.Where(c => c.Code != FacetCatalogue.Missing).Select(c => c.Count).DefaultIfEmpty(0).Max());

    /// <summary>Countries with records that the map cannot draw (drawn by Natural Earth as part of another state, or too small even for a point): the table still lists them.</summary>
    public IEnumerable<CountryCount> NotDrawn => Countries.Where(c => c.Count > 0 && c.Shape is null && c.Code != FacetCatalogue.Missing);
}

using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;
using UjDatabase.Web.Search;
using UjDatabase.Web.Stats;

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

    /// <summary>Countries with records that the map cannot draw (too small at this scale, or not recorded): the table still lists them.</summary>
    public IEnumerable<CountryCount> NotDrawn => Countries.Where(c => c.Count > 0 && c.Shape is null);
}

/// <summary>
/// Builds the map of a search from the same engine calls as the search page and the statistics: the country counts are
/// the search's facet counts (so a country's count is what its link lists), and the flows are the statistics table by
/// prosecuting state and territory, each cell with the search behind it.
/// </summary>
public sealed class WorldMapService(ISearchEngine engine, StatisticsService statistics)
{
    public async Task<WorldMap> BuildAsync(CaseQuery query, MapView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(view);
        var listing = query.AsListing();
        var search = await engine.SearchAsync(listing with { Size = 1 }, cancellationToken);
        var facet = search.Facets.FirstOrDefault(f => f.Name == view.Facet.Name)?.Values ?? [];
        var countries = facet
            .Select(v => new CountryCount(v.Value, v.Label, v.Count, v.Selected, SearchLinks.To(listing.WithFilter(view.Facet.Name, [v.Value])), WorldShapes.Find(v.Value)))
            .ToList();

        // The same request the statistics page makes for "by prosecuting state and by territory" over this search.
        var request = new StatisticsRequest(listing, query.Measure ?? Measure.Records, query.Year, [FacetCatalogue.Forum.Name, FacetCatalogue.Territory.Name], CountUnit.Defendants);
        var table = await statistics.CountAsync(request, cancellationToken);
        var flows = table.Rows
            .SelectMany(row => row.Cells.Select((cell, i) => new Flow(table.Columns[i], row.Key, cell.Count, cell.Query.Length == 0 ? SearchLinks.SearchPath : $"{SearchLinks.SearchPath}?{cell.Query}")))
            .Where(f => f.Count > 0)
            .OrderByDescending(f => f.Count).ThenBy(f => f.Forum.Label, StringComparer.Ordinal).ThenBy(f => f.Territory.Label, StringComparer.Ordinal)
            .ToList();
        return new WorldMap(listing, view, search.Total, countries, flows, table.Rule) { Notice = search.Notice };
    }

    /// <summary>The statistics page with the whole table of flows of a search.</summary>
    public static string FlowsTableUrl(CaseQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var search = (query.AsListing() with { Unit = null }).ToQueryString();
        return $"/stats?{search}{(search.Length == 0 ? string.Empty : "&")}by=forum&by=territory";
    }
}

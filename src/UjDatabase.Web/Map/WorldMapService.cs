using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;
using UjDatabase.Web.Search;
using UjDatabase.Web.Stats;

namespace UjDatabase.Web.Map;

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
            .SelectMany(row => row.Cells.Select((cell, i) => new Flow(table.Columns[i], row.Key, cell.Count, SearchLinks.ToQueryString(cell.Query))))
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
        return Languages.LanguageLinks.Local($"/stats?{search}{(search.Length == 0 ? string.Empty : "&")}by=forum&by=territory");
    }
}

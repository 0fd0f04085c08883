using UjDatabase.Core.Cases;
using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;
using UjDatabase.Web.Search;
using UjDatabase.Web.Stats;

namespace UjDatabase.Web.Overview;

/// <summary>One proceeding among a search's records: its case group (null for a record alone) and its records in the search.</summary>
public sealed record Proceeding(string? Group, IReadOnlyList<CaseRecord> Records)
{
    /// <summary>The group page when the records belong to a case group, else the one record's page.</summary>
    public string Url => Languages.LanguageLinks.Local(Group is not null ? $"/groups/{Group}" : $"/cases/{Records[0].Id}");

    public CaseRecord First => Records[0];
}

/// <summary>
/// What a country or situation page shows of one search: the search's own total and facet counts, its cases and
/// developments by year counted by the statistics, its proceedings and its latest developments. Every number comes
/// from the search engine or the statistics, never from counting here, so each agrees with the search it links to.
/// </summary>
public sealed record SearchOverview(
    CaseQuery Query,
    long Defendants,
    TableCell Cases,
    IReadOnlyList<FacetResult> Facets,
    StatisticsTable DevelopmentsByYear,
    IReadOnlyList<Proceeding> Proceedings,
    IReadOnlyList<MergedEvent> Developments,
    bool ReadPart)
{
    /// <summary>The most records read to list proceedings and developments (the newest first); counts are never limited.</summary>
    public const int MaxRecordsRead = 500;

    public const int MaxDevelopments = 25;

    public bool IsEmpty => Defendants == 0;

    public FacetResult Facet(string name) => Facets.Single(f => f.Name == name);

    /// <summary>The search that lists the cases behind the cases count (the statistics' own link).</summary>
    public string CasesUrl => SearchLinks.ToQueryString(Cases.Query);

    /// <summary>The courts of the proceedings read, most records first (names only: a court is not a filter, so it has no count of its own).</summary>
    public IReadOnlyList<string> Courts => Proceedings.SelectMany(p => p.Records).Where(r => r.Forum.Court is not null)
        .GroupBy(r => r.Forum.Court!, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
}

/// <summary>Builds <see cref="SearchOverview"/>s from the search engine and the statistics service.</summary>
public sealed class SearchOverviewService(ISearchEngine engine, StatisticsService statistics)
{
    public async Task<SearchOverview> ForAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query = query.AsListing();
        var result = await engine.SearchAsync(query with { Size = 1 }, cancellationToken);
        var tables = await statistics.CountAsync(
        [
            new StatisticsRequest(query, Measure.Records, null, [], CountUnit.Cases),
            new StatisticsRequest(query, Measure.Developments, null, [StatisticsRequest.YearDimension], CountUnit.Cases),
        ], cancellationToken);

        var records = new List<CaseRecord>();
        var readPart = false;
        if (result.Total > 0)
        {
            await foreach (var record in engine.StreamAsync(query with { Sort = SortOrder.Date }, cancellationToken))
            {
                if (records.Count == SearchOverview.MaxRecordsRead)
                {
                    readPart = true;
                    break;
                }

                records.Add(record);
            }
        }

        return new SearchOverview(query, result.Total, tables[0].Total, result.Facets, tables[1], ProceedingsOf(records), DevelopmentsOf(records), readPart);
    }

    /// <summary>Records grouped by proceeding, in the order of their newest record (the stream's date order).</summary>
    public static IReadOnlyList<Proceeding> ProceedingsOf(IEnumerable<CaseRecord> records) =>
        records.GroupBy(r => r.CaseGroup ?? "\0" + r.Id, StringComparer.Ordinal)
            .Select(g => new Proceeding(g.First().CaseGroup, g.OrderBy(r => r.DisplayName, StringComparer.Ordinal).ToList()))
            .ToList();

    /// <summary>
    /// The newest events of the records, newest first, co-defendants' shared events merged into one; within a month (or
    /// year), events known only to the month (or year) come after the dated ones.
    /// </summary>
    public static IReadOnlyList<MergedEvent> DevelopmentsOf(IEnumerable<CaseRecord> records) =>
        MergedTimeline.Of(records).Reverse().Take(SearchOverview.MaxDevelopments).ToList();
}

/// <summary>How a page shows one overview: the id its headings hang on and which facets it lists.</summary>
public sealed record OverviewSection(SearchOverview Overview, string Id, IReadOnlyList<string> FacetNames);

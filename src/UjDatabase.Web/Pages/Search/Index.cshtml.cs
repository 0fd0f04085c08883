using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using UjDatabase.Core.Search;
using UjDatabase.Web.Api;
using UjDatabase.Web.Search;
using UjDatabase.Core.Languages;

namespace UjDatabase.Web.Pages.Search;

/// <summary>A filter the user could drop to get results back, with how many it would give.</summary>
public sealed record DropSuggestion(string Label, string Url, long Total);

/// <summary>The search page: a search box, facets with drill-sideways counts, results with highlights, paging.</summary>
public sealed class IndexModel(ISearchEngine engine, UjDatabase.Web.Stats.StatisticsService statistics) : PageModel
{
    public CaseQuery Query { get; private set; } = CaseQuery.Empty;

    public SearchResult? Result { get; private set; }

    public IReadOnlyList<QueryError> Errors { get; private set; } = [];

    /// <summary>Parameters in the address that this page does not take: shown, never silently dropped.</summary>
    public IReadOnlyList<QueryError> Ignored { get; private set; } = [];

    public IReadOnlyList<DropSuggestion> Suggestions { get; private set; } = [];

    public int PageCount => Result is null ? 0 : (int)Math.Min((Result.Total + Query.Size - 1) / Query.Size, CaseQuery.MaxWindow / Query.Size);

    public bool HasSelections => Query.Text is not null || Query.Filters.Count > 0 || Query.Group is not null || Query.HasEventFilter || Query.Measure is not null;

    /// <summary>When the list is the records behind a statistic counted in cases or charges: how many of those units they make.</summary>
    public long? Units { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var parsed = CaseQueryParser.Parse(QueryFromRequest.Pairs(Request));
        Ignored = QueryFromRequest.Unknown(Request, RouteParameters.Search);
        Query = parsed.Query;
        if (!parsed.IsValid)
        {
            Errors = parsed.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Result = await engine.SearchAsync(Query, cancellationToken);
        if (Query.Unit is { } unit and not Core.Statistics.CountUnit.Defendants)
        {
            // Counted by the statistics' own rules, so the number here is the number the table showed.
            var table = await statistics.CountAsync(new Core.Statistics.StatisticsRequest(Query, Query.Measure ?? Core.Statistics.Measure.Records, Query.Year, [], unit), cancellationToken);
            Units = table.Total.Count;
        }

        if (Result.Total == 0 && HasSelections)
        {
            Suggestions = await SuggestAsync(cancellationToken);
        }

        return Page();
    }

    /// <summary>For an empty result: what each selection alone would give back if dropped.</summary>
    private async Task<IReadOnlyList<DropSuggestion>> SuggestAsync(CancellationToken cancellationToken)
    {
        var candidates = new List<(string Label, CaseQuery Query)>();
        if (Query.Text is not null)
        {
            candidates.Add((Texts.T("the words “{0}”", Query.Text), Query with { Text = null }));
        }

        foreach (var facet in FacetCatalogue.All.Where(f => Query.Selected(f.Name).Count > 0))
        {
            candidates.Add(($"{facet.LocalLabel}{Texts.T(": ")}{string.Join(Texts.T(" or "), Query.Selected(facet.Name).Select(facet.LabelOf))}", Query.WithFilter(facet.Name, [])));
        }

        if (Query.Group is not null)
        {
            candidates.Add((Texts.T("the proceeding"), Query with { Group = null }));
        }

        if (Query.HasEventFilter)
        {
            candidates.Add((Texts.T("the dates"), Query with { EventType = null, FromYear = null, ToYear = null }));
        }

        if (Query.Measure is not null)
        {
            candidates.Add((Texts.T("the statistic's rule"), Query with { Measure = null, Year = null, Unit = null }));
        }

        var suggestions = new List<DropSuggestion>();
        foreach (var (label, query) in candidates)
        {
            var total = (await engine.SearchAsync(query with { Page = 1, Size = 1 }, cancellationToken)).Total;
            if (total > 0)
            {
                suggestions.Add(new DropSuggestion(label, SearchLinks.To(query with { Page = 1 }), total));
            }
        }

        return suggestions.OrderByDescending(s => s.Total).ToList();
    }
}

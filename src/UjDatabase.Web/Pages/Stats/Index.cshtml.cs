using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;
using UjDatabase.Web.Stats;

namespace UjDatabase.Web.Pages.Stats;

/// <summary>The statistics of the current search: one table with its counting rule, its chart, and exports.</summary>
public sealed class IndexModel(StatisticsService statistics) : PageModel
{
    public StatisticsRequest? Statistics { get; private set; }

    public StatisticsTable? Table { get; private set; }

    public IReadOnlyList<QueryError> Errors { get; private set; } = [];

    /// <summary>Parameters in the address that this page does not take: shown, never silently dropped.</summary>
    public IReadOnlyList<QueryError> Ignored { get; private set; } = [];

    public string Chart { get; private set; } = string.Empty;

    /// <summary>Developments, new, convicted and acquitted by year over the same search, in the table's unit.</summary>
    public Trends? Trends { get; private set; }

    public string TrendsChart { get; private set; } = string.Empty;

    public int CurrentYear => statistics.CurrentYear;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (request, errors) = StatisticsService.Parse(HttpContext.Request);
        Ignored = Api.QueryFromRequest.Unknown(HttpContext.Request, Api.RouteParameters.Statistics);
        if (request is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // With no breakdown chosen, show something useful: the measure by prosecuting state.
        Statistics = request.By.Count == 0 && !HttpContext.Request.Query.ContainsKey("by") ? request with { By = [FacetCatalogue.Forum.Name] } : request;
        (Table, Trends) = await statistics.CountWithTrendsAsync(Statistics, cancellationToken);
        Chart = SvgChart.Render(Table);
        TrendsChart = SvgChart.Render(Trends);
        return Page();
    }
}

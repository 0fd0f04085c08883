using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;
using UjDatabase.Web.Api;
using UjDatabase.Web.Stats;

namespace UjDatabase.Web.Pages.Stats;

/// <summary>"Year in review": the figures and tables an annual review of year N needs, on one page, with exports.</summary>
public sealed class ReviewModel(StatisticsService statistics) : PageModel
{
    public int Year { get; private set; }

    public int Since { get; private set; }

    public YearInReview? Review { get; private set; }

    public string ConvictionsChart { get; private set; } = string.Empty;

    public string TrendsChart { get; private set; } = string.Empty;

    public IReadOnlyList<QueryError> Errors { get; private set; } = [];

    /// <summary>Parameters in the address that this page does not take: shown, never silently dropped.</summary>
    public IReadOnlyList<QueryError> Ignored { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        (Year, Since, Errors) = statistics.ParseReview(Request);
        Ignored = QueryFromRequest.Unknown(Request, RouteParameters.Review);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Review = await statistics.ReviewAsync(Year, Since, overTime: true, cancellationToken);
        ConvictionsChart = SvgChart.Render(Review.Tables[^1], "convictions");
        TrendsChart = Review.Trends is { } trends ? SvgChart.Render(trends) : string.Empty;
        return Page();
    }
}

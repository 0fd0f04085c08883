using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;
using UjDatabase.Web.Stats;

namespace UjDatabase.Web.Pages.Stats;

/// <summary>A headline figure of the year in review, with its rule and the records behind it.</summary>
public sealed record Headline(string Label, long Count, string Query, string Rule);

/// <summary>"Year in review": the figures and tables an annual review of year N needs, on one page.</summary>
public sealed class ReviewModel(StatisticsService statistics) : PageModel
{
    public int Year { get; private set; }

    public int Since { get; private set; }

    public IReadOnlyList<Headline> Headlines { get; private set; } = [];

    public IReadOnlyList<StatisticsTable> Tables { get; private set; } = [];

    public StatisticsTable? ConvictionsSince { get; private set; }

    public string ConvictionsChart { get; private set; } = string.Empty;

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, int? since, CancellationToken cancellationToken)
    {
        Year = year ?? statistics.CurrentYear - 1;
        Since = since ?? 2015;
        if (Year is < 1900 or > 2200 || Since < 1900 || Since > Year)
        {
            Error = "Choose a year from 1900 on, and a starting year for the convictions series no later than it.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        StatisticsRequest Request(Measure measure, CountUnit unit, params string[] by) =>
            new(CaseQuery.Empty, measure, Year, by, unit);

        // Every figure and table of the year is over all records: one pass counts them all.
        var facets = new[] { FacetCatalogue.Territory, FacetCatalogue.Crime, FacetCatalogue.Nationality, FacetCatalogue.Affiliation, FacetCatalogue.Gender };
        var counted = await statistics.CountAsync(
            [
                Request(Measure.Developments, CountUnit.Cases),
                Request(Measure.New, CountUnit.Cases),
                Request(Measure.Convicted, CountUnit.Defendants),
                Request(Measure.Acquitted, CountUnit.Defendants),
                Request(Measure.OnTrial, CountUnit.Defendants),
                Request(Measure.Developments, CountUnit.Cases, FacetCatalogue.Forum.Name),
                .. facets.Select(facet => Request(Measure.Developments, CountUnit.Defendants, facet.Name)),
            ],
            cancellationToken);
        var (developmentsCases, newCases, convicted, acquitted, onTrial, byForum) = (counted[0], counted[1], counted[2], counted[3], counted[4], counted[5]);
        Headlines =
        [
            new("Cases with developments", developmentsCases.Total.Count, developmentsCases.Total.Query, developmentsCases.Rule),
            new("New cases", newCases.Total.Count, newCases.Total.Query, newCases.Rule),
            new("Defendants convicted", convicted.Total.Count, convicted.Total.Query, convicted.Rule),
            new("Defendants acquitted", acquitted.Total.Count, acquitted.Total.Query, acquitted.Rule),
            new("Defendants on trial", onTrial.Total.Count, onTrial.Total.Query, onTrial.Rule),
            new("Prosecuting states", byForum.Rows.Count(r => r.Key.Value != FacetCatalogue.Missing), developmentsCases.Total.Query, "States with at least one case with developments in the year."),
        ];
        Tables = [.. counted.Skip(5)];
        ConvictionsSince = await statistics.CountAsync(
            new StatisticsRequest(CaseQuery.Empty with { FromYear = Since, ToYear = Year }, Measure.Convicted, null, [StatisticsRequest.YearDimension], CountUnit.Defendants),
            cancellationToken);
        ConvictionsChart = SvgChart.Render(ConvictionsSince);
        return Page();
    }
}

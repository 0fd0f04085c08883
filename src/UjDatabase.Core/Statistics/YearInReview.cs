using UjDatabase.Core.Search;

namespace UjDatabase.Core.Statistics;

/// <summary>A headline figure of the year in review, with its rule and the search listing the records behind it.</summary>
public sealed record ReviewFigure(string Label, long Count, string Query, string Rule);

/// <summary>
/// The figures and tables an annual review of one year needs (as TRIAL International's Universal Jurisdiction Annual
/// Review publishes them): headline figures, tables by state, territory, crime, nationality, affiliation and gender,
/// and convictions by year since a chosen year. Every table names its unit in its title.
/// </summary>
public sealed record YearInReview(int Year, int Since, IReadOnlyList<ReviewFigure> Headlines, IReadOnlyList<StatisticsTable> Tables)
{
    /// <summary>The dimensions of the year's tables, after the one by prosecuting state (counted in cases, as the review counts them).</summary>
    private static readonly FacetDefinition[] Breakdowns =
        [FacetCatalogue.Territory, FacetCatalogue.Crime, FacetCatalogue.Nationality, FacetCatalogue.Affiliation, FacetCatalogue.Gender];

    /// <summary>
    /// The tables of the year, all over every record, so that one pass counts them: five headline measures, then the
    /// breakdowns. Keep <see cref="From"/> in step with this order.
    /// </summary>
    public static IReadOnlyList<StatisticsRequest> TablesOf(int year)
    {
        StatisticsRequest Request(Measure measure, CountUnit unit, params string[] by) => new(CaseQuery.Empty, measure, year, by, unit);
        return
        [
            Request(Measure.Developments, CountUnit.Cases),
            Request(Measure.New, CountUnit.Cases),
            Request(Measure.Convicted, CountUnit.Defendants),
            Request(Measure.Acquitted, CountUnit.Defendants),
            Request(Measure.OnTrial, CountUnit.Defendants),
            Request(Measure.Developments, CountUnit.Cases, FacetCatalogue.Forum.Name),
            .. Breakdowns.Select(facet => Request(Measure.Developments, CountUnit.Defendants, facet.Name)),
        ];
    }

    /// <summary>Convictions by year from <paramref name="since"/> to <paramref name="year"/>.</summary>
    public static StatisticsRequest ConvictionsSince(int since, int year) =>
        new(CaseQuery.Empty with { FromYear = since, ToYear = year }, Measure.Convicted, null, [StatisticsRequest.YearDimension], CountUnit.Defendants);

    /// <summary>The review from the counted tables (in <see cref="TablesOf"/> order) and the convictions series.</summary>
    public static YearInReview From(int year, int since, IReadOnlyList<StatisticsTable> counted, StatisticsTable convictionsSince)
    {
        ArgumentNullException.ThrowIfNull(counted);
        ArgumentNullException.ThrowIfNull(convictionsSince);
        var (developments, fresh, convicted, acquitted, onTrial, byForum) = (counted[0], counted[1], counted[2], counted[3], counted[4], counted[5]);
        ReviewFigure Figure(string label, StatisticsTable table) => new(label, table.Total.Count, table.Total.Query, table.Rule);
        var states = byForum.Rows.Where(r => r.Key.Value != FacetCatalogue.Missing).ToList();
        return new YearInReview(
            year,
            since,
            [
                Figure("Cases with developments", developments),
                Figure("New cases", fresh),
                Figure("Defendants convicted", convicted),
                Figure("Defendants acquitted", acquitted),
                Figure("Defendants on trial", onTrial),
                new("Prosecuting states", states.Count, developments.Total.Query, "States with at least one case with developments in the year (the rows of the table by prosecuting state)."),
            ],
            [.. counted.Skip(5), convictionsSince]);
    }
}

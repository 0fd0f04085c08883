using UjDatabase.Core.Cases;
using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;
using UjDatabase.Tests;

namespace UjDatabase.Core.Tests;

/// <summary>The charts over time: which years they cover and what they say when nothing counts.</summary>
public class TrendsTests
{
    private static CaseRecord Record(string id, params (string Date, string Type, string? Outcome)[] events) =>
        SampleCases.Valid(id) with
        {
            CrimePeriod = new CrimePeriod { From = PartialDate.Parse("1990") },
            Events = events.Select(e => new CaseEvent { Date = PartialDate.Parse(e.Date), Type = e.Type, Outcome = e.Outcome }).ToList(),
        };

    private static async Task<Trends> CountAsync(CaseQuery search, int lastYear, params CaseRecord[] records)
    {
        var series = Trends.InUnit(CountUnit.Defendants);
        var tables = await StatisticsCalculator.CountAsync(Trends.Requests(search, series), RecordFacts.Of(records.ToAsyncEnumerable()), lastYear);
        var (from, to) = Trends.Range(search, lastYear);
        return new Trends(search, from, to, series, tables);
    }

    [Fact]
    public void The_years_run_from_2000_to_the_last_year_unless_the_search_gives_its_own_range()
    {
        Assert.Equal((2000, 2026), Trends.Range(CaseQuery.Empty, 2026));
        Assert.Equal((1994, 2010), Trends.Range(CaseQuery.Empty with { FromYear = 1994, ToYear = 2010 }, 2026));
        Assert.Equal((2010, 2026), Trends.Range(CaseQuery.Empty with { FromYear = 2010 }, 2026));
        // A year in review of 1995 charts that year alone rather than an empty range.
        Assert.Equal((1995, 1995), Trends.Range(CaseQuery.Empty, 1995));
    }

    [Fact]
    public void At_most_a_hundred_years_are_charted_ending_at_the_last()
    {
        Assert.Equal((1927, 2026), Trends.Range(CaseQuery.Empty with { FromYear = 1000 }, 2026));
    }

    [Fact]
    public async Task Every_year_of_the_range_has_a_count_and_years_without_records_are_zero()
    {
        var trends = await CountAsync(CaseQuery.Empty, 2026,
            Record("a", ("2003", "complaint_filed", null), ("2019-05", "verdict_first_instance", "convicted")),
            Record("b", ("1998", "complaint_filed", null), ("2019", "verdict_appeal", "acquitted")));

        Assert.Equal(27, trends.Years.Count());
        Assert.Equal(1, trends.Cell(1, 2003).Count);
        Assert.Equal(0, trends.Cell(1, 2004).Count);
        Assert.Equal(1, trends.Cell(2, 2019).Count);
        Assert.Equal(1, trends.Cell(3, 2019).Count);
        Assert.Equal(2, trends.Cell(0, 2019).Count);
        // Before the range: the 1998 complaint is not charted.
        Assert.Equal(3, trends.Sum(0));
        Assert.Contains("measure=convicted&year=2019", trends.Cell(2, 2019).Query, StringComparison.Ordinal);
        Assert.Null(trends.WhyEmpty);
    }

    [Fact]
    public async Task Records_with_nothing_dated_in_the_range_chart_nothing_and_say_why()
    {
        var trends = await CountAsync(CaseQuery.Empty, 2026, Record("a", ("1995", "complaint_filed", null)));

        Assert.Equal("The search selects 1 record, but none of them has a development, a new case, a conviction or an acquittal dated from 2000 to 2026.", trends.WhyEmpty);
    }

    [Fact]
    public async Task A_search_with_no_records_charts_nothing_and_says_so()
    {
        var trends = await CountAsync(CaseQuery.Empty, 2026);

        Assert.Contains("selects no records", trends.WhyEmpty, StringComparison.Ordinal);
    }

    [Fact]
    public void The_review_counts_cases_for_developments_and_new_cases_and_defendants_for_verdicts()
    {
        Assert.Equal(["Cases with developments", "New cases", "Defendants convicted", "Defendants acquitted"], Trends.AsInTheReview.Select(s => s.Label));
    }
}

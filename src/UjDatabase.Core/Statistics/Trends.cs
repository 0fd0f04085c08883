using UjDatabase.Core.Languages;
using System.Globalization;
using UjDatabase.Core.Search;

namespace UjDatabase.Core.Statistics;

/// <summary>One line of the charts over time: a counting rule in a unit.</summary>
public sealed record TrendSeries(Measure Measure, CountUnit Unit)
{
    /// <summary>What the line counts, as a heading: "Cases with developments", "Defendants convicted".</summary>
    public string Label => MeasureRules.Heading(Measure, Unit);
}

/// <summary>
/// Developments, new cases, convictions and acquittals by year over the records of a search, every year of the range
/// present (a year with nothing is a zero, not a gap). Each line is the by-year statistics table of its rule, counted by
/// the same calculator, so every number here is the number of that table and links to the same records.
/// </summary>
public sealed record Trends(CaseQuery Search, int From, int To, IReadOnlyList<TrendSeries> Series, IReadOnlyList<StatisticsTable> Tables)
{
    /// <summary>The first year of the charts unless the search's own range says otherwise.</summary>
    public const int DefaultFrom = 2000;

    /// <summary>At most this many years are drawn: a search from the year 1000 would otherwise chart a millennium of zeros.</summary>
    public const int MaxYears = 100;

    /// <summary>The four lines, in one unit (the statistics page's).</summary>
    public static IReadOnlyList<TrendSeries> InUnit(CountUnit unit) =>
        [new(Measure.Developments, unit), new(Measure.New, unit), new(Measure.Convicted, unit), new(Measure.Acquitted, unit)];

    /// <summary>The four lines in the units of the year in review's headline figures: cases for developments and new cases, defendants for verdicts.</summary>
    public static IReadOnlyList<TrendSeries> AsInTheReview { get; } =
        [new(Measure.Developments, CountUnit.Cases), new(Measure.New, CountUnit.Cases), new(Measure.Convicted, CountUnit.Defendants), new(Measure.Acquitted, CountUnit.Defendants)];

    /// <summary>
    /// The years charted: the search's own range (from, to) where it has one, else <see cref="DefaultFrom"/> to
    /// <paramref name="lastYear"/>, at most <see cref="MaxYears"/> ending at the last.
    /// </summary>
    public static (int From, int To) Range(CaseQuery search, int lastYear)
    {
        ArgumentNullException.ThrowIfNull(search);
        var to = search.ToYear ?? lastYear;
        var from = Math.Min(search.FromYear ?? DefaultFrom, to);
        return (Math.Max(from, to - MaxYears + 1), to);
    }

    /// <summary>The by-year tables behind the lines, over the search; they share its records, so one pass counts them (with any other table of the same search).</summary>
    public static IReadOnlyList<StatisticsRequest> Requests(CaseQuery search, IReadOnlyList<TrendSeries> series)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(series);
        var query = search with { Measure = null, Year = null, Unit = null };
        return series.Select(s => new StatisticsRequest(query, s.Measure, null, [StatisticsRequest.YearDimension], s.Unit)).ToList();
    }

    public IEnumerable<int> Years => Enumerable.Range(From, To - From + 1);

    /// <summary>A line's count in a year and the search behind it; a year the table has no row for is a zero with no search.</summary>
    public TableCell Cell(int series, int year)
    {
        var key = year.ToString(CultureInfo.InvariantCulture);
        return Tables[series].Rows.FirstOrDefault(r => r.Key.Value == key)?.Total ?? new TableCell(0, string.Empty);
    }

    /// <summary>A line's total over the range charted.</summary>
    public long Sum(int series) => Years.Sum(y => Cell(series, y).Count);

    /// <summary>What the charts show, and over which records when not all (the search's words and filters).</summary>
    public string Title
    {
        get
        {
            var part = Search with { Measure = null, Year = null, Unit = null, EventType = null, FromYear = null, ToYear = null, Sort = SortOrder.Relevance, Page = 1, Size = CaseQuery.DefaultSize };
            var scope = part.ToQueryString().Length == 0 ? string.Empty : $" ({part.Describe()})";
            return Texts.T("Developments, new, convicted and acquitted by year, {0}–{1}", From, To) + scope;
        }
    }

    /// <summary>Why nothing is charted, in words for people; null when a line counts something in the range.</summary>
    public string? WhyEmpty => Series.Select((_, i) => Sum(i)).Any(n => n > 0)
        ? null
        : Tables[0].RecordsSelected == 0
            ? Tables[0].WhyEmpty
            : Texts.T(
                Tables[0].RecordsSelected == 1
                    ? "The search selects {0:N0} record, but none of them has a development, a new case, a conviction or an acquittal dated from {1} to {2}."
                    : "The search selects {0:N0} records, but none of them has a development, a new case, a conviction or an acquittal dated from {1} to {2}.",
                Tables[0].RecordsSelected,
                From,
                To);

    /// <summary>The rules of the lines in words, one per line, then the rule of each unit they count in.</summary>
    public IReadOnlyList<string> Rules =>
        [.. Series.Select(s => $"{s.Label}{Texts.T(": ")}{MeasureRules.Rule(s.Measure)}"), .. Series.Select(s => StatisticsRequest.UnitRule(s.Unit)).Distinct()];
}

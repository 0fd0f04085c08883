using System.Globalization;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Search;

namespace UjDatabase.Core.Statistics;

/// <summary>
/// Counts statistics tables over the facts of a search's records, streaming them once. The same code serves the page,
/// the API, the exports and the command line, and every cell carries the search that lists the records behind it.
/// </summary>
public static class StatisticsCalculator
{
    private const string Total = "\u0000total";

    public static async Task<StatisticsTable> CountAsync(StatisticsRequest request, IAsyncEnumerable<IRecordFacts> records, int currentYear, long? selected = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (await CountAsync([request], records, currentYear, selected, cancellationToken))[0];
    }

    /// <summary>
    /// Counts several tables over the same search in one pass over its records (the year in review needs a dozen).
    /// Every request must select the same records, that is, have the same <see cref="StatisticsRequest.BaseQuery"/>.
    /// <paramref name="selected"/> is how many records the search selects, when <paramref name="records"/> leaves out
    /// those that count in none of the tables (see <see cref="RulesOf"/>); by default, the records read.
    /// </summary>
    public static async Task<IReadOnlyList<StatisticsTable>> CountAsync(IReadOnlyList<StatisticsRequest> requests, IAsyncEnumerable<IRecordFacts> records, int currentYear, long? selected = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(records);
        if (requests.Select(r => r.BaseQuery.ToQueryString()).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            throw new ArgumentException("Tables counted in one pass must be over the same search.", nameof(requests));
        }

        var cells = requests.Select(_ => new Dictionary<(string Row, string Column), HashSet<long>>()).ToList();
        long read = 0;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            read++;
            for (var i = 0; i < requests.Count; i++)
            {
                Tally(requests[i], record, currentYear, cells[i]);
            }
        }

        return requests.Select((request, i) => Build(request, cells[i], selected ?? read)).ToList();
    }

    /// <summary>The counting rules of the tables: a record for which none holds counts in none of them.</summary>
    public static IReadOnlyCollection<MeasureInYear> RulesOf(IEnumerable<StatisticsRequest> requests) =>
        requests.Select(r => new MeasureInYear(r.Measure, r.Year)).Distinct().ToList();

    private static void Tally(StatisticsRequest request, IRecordFacts record, int currentYear, Dictionary<(string Row, string Column), HashSet<long>> cells)
    {
        var first = request.By.Count > 0 ? request.By[0] : null;
        var second = request.By.Count > 1 ? request.By[1] : null;
        foreach (var year in YearsCounted(request, record, currentYear))
        {
            var rows = first is null ? [Total] : Values(request.Query, record, first, year);
            var columns = second is null ? [Total] : Values(request.Query, record, second, year);
            foreach (var row in rows)
            {
                foreach (var column in columns)
                {
                    var units = Units(request.Query, record, request.Unit, (first, row), (second, column));
                    Add(cells, (row, column), units);
                    Add(cells, (row, Total), units);
                    Add(cells, (Total, column), units);
                    Add(cells, (Total, Total), units);
                }
            }
        }
    }

    /// <summary>The years in which the record counts (one null entry when the table is not by year and the record counts).</summary>
    private static List<int?> YearsCounted(StatisticsRequest request, IRecordFacts record, int currentYear)
    {
        var facts = record.Events;
        if (request.Measure == Measure.Records && !request.By.Contains(StatisticsRequest.YearDimension))
        {
            return [null];
        }

        var years = MeasureRules.YearsOf(facts, request.Measure, currentYear)
            .Where(y => y >= (request.Query.FromYear ?? int.MinValue) && y <= (request.Query.ToYear ?? int.MaxValue));
        if (request.Year is { } single)
        {
            return years.Contains(single) ? [single] : [];
        }

        if (request.By.Contains(StatisticsRequest.YearDimension))
        {
            return years.Select(y => (int?)y).ToList();
        }

        return years.Any() ? [null] : [];
    }

    /// <summary>
    /// The units a record adds to a cell. In charges, a cell of a crime (or charge stage) dimension holds only the
    /// record's charges of that crime (or stage): a record charged with war crimes and torture adds one charge to each.
    /// </summary>
    private static List<long> Units(CaseQuery query, IRecordFacts record, CountUnit unit, params (string? Dimension, string Value)[] cell)
    {
        if (unit == CountUnit.Cases)
        {
            return [record.CaseKey];
        }

        if (unit == CountUnit.Defendants)
        {
            return [record.Key];
        }

        var charges = SelectedCharges(query, record, ignore: null);
        var topics = query.Selected(FacetCatalogue.Topic.Name);
        if (topics.Count > 0)
        {
            // Counted in charges, a topic is a charge's: only the charges that name a selected topic count.
            var named = record.ChargeTopics.Where(t => topics.Contains(t.Topic)).Select(t => (t.Crime, t.Stage)).ToHashSet();
            charges = charges.Where(named.Contains);
        }

        foreach (var (dimension, value) in cell)
        {
            if (dimension == FacetCatalogue.Crime.Name && value != Total)
            {
                charges = charges.Where(c => c.Crime == value);
            }
            else if (dimension == FacetCatalogue.ChargeStage.Name && value != Total)
            {
                charges = charges.Where(c => c.Stage == value);
            }
        }

        // One charge per crime per record: the record's key with the crime's place in the vocabulary.
        return charges.Select(c => c.Crime).Distinct().Select(crime => (record.Key * 64) + CrimeIndex(crime)).ToList();
    }

    /// <summary>
    /// The values of a dimension under which a record counts. Where the search already filters that facet, only the
    /// selected values count, so that every cell's search (the table's search with the cell's value) lists exactly
    /// the records counted in it; crime and charge stage follow each other's selection within one charge.
    /// </summary>
    private static long CrimeIndex(string crime)
    {
        var index = Vocabularies.Catalogue.Crime.Terms.ToList().FindIndex(t => t.Code == crime);
        return index < 0 ? 63 : index;
    }

    private static List<string> Values(CaseQuery query, IRecordFacts record, string dimension, int? year)
    {
        if (dimension == StatisticsRequest.YearDimension)
        {
            return [year!.Value.ToString(CultureInfo.InvariantCulture)];
        }

        var selected = query.Selected(dimension);
        var facet = FacetCatalogue.Find(dimension)!;
        IEnumerable<string> values = dimension == FacetCatalogue.Crime.Name
            ? SelectedCharges(query, record, ignore: dimension).Select(c => c.Crime)
            : dimension == FacetCatalogue.ChargeStage.Name
                ? SelectedCharges(query, record, ignore: dimension).Select(c => c.Stage)
                : record.Values(facet);
        var list = values.Distinct(StringComparer.Ordinal).Where(v => selected.Count == 0 || selected.Contains(v)).ToList();
        var missing = record.Values(facet).Count == 0;
        return missing && (selected.Count == 0 || selected.Contains(FacetCatalogue.Missing)) ? [FacetCatalogue.Missing] : list;
    }

    /// <summary>The record's charges that the search's crime and charge-stage selections keep (except the one being broken down).</summary>
    private static IEnumerable<(string Crime, string Stage)> SelectedCharges(CaseQuery query, IRecordFacts record, string? ignore)
    {
        var crimes = ignore == FacetCatalogue.Crime.Name ? [] : query.Selected(FacetCatalogue.Crime.Name);
        var stages = ignore == FacetCatalogue.ChargeStage.Name ? [] : query.Selected(FacetCatalogue.ChargeStage.Name);
        return record.Charges.Where(c => (crimes.Count == 0 || crimes.Contains(c.Crime)) && (stages.Count == 0 || stages.Contains(c.Stage)));
    }

    private static void Add(Dictionary<(string, string), HashSet<long>> cells, (string, string) key, List<long> units)
    {
        if (units.Count == 0)
        {
            return;
        }

        if (!cells.TryGetValue(key, out var set))
        {
            cells[key] = set = [];
        }

        set.UnionWith(units);
    }

    private static StatisticsTable Build(StatisticsRequest request, Dictionary<(string Row, string Column), HashSet<long>> cells, long selected)
    {
        long Count(string row, string column) => cells.TryGetValue((row, column), out var set) ? set.Count : 0;
        var first = request.By.Count > 0 ? request.By[0] : null;
        var second = request.By.Count > 1 ? request.By[1] : null;

        var rowKeys = cells.Keys.Select(k => k.Row).Where(r => r != Total).Distinct().ToList();
        var columnKeys = cells.Keys.Select(k => k.Column).Where(c => c != Total).Distinct().ToList();
        var rows = Order(first, rowKeys, r => Count(r, Total));
        var columns = Order(second, columnKeys, c => Count(Total, c));

        TableCell Cell(string row, string column) => new(Count(row, column), CellQuery(request, (first, row), (second, column)));

        var tableRows = first is null
            ? [new TableRow(new DimensionValue(Total, "All"), [], Cell(Total, Total))]
            : rows.Select(r => new TableRow(Describe(first, r), columns.Select(c => Cell(r, c)).ToList(), Cell(r, Total))).ToList();
        var rule = $"{MeasureRules.Rule(request.Measure)} {StatisticsRequest.UnitRule(request.Unit)}"
            + (request.By.Any(b => b != StatisticsRequest.YearDimension)
                ? " A record with several values of a dimension (two countries, three crimes) counts under each, so rows can add up to more than the total; records with no value count under “Not recorded”."
                : string.Empty);
        return new StatisticsTable(Title(request), rule, request, second is null ? [] : columns.Select(c => Describe(second, c)).ToList(), tableRows, Cell(Total, Total), selected)
        {
            ColumnTotals = second is null ? [] : columns.Select(c => Cell(Total, c)).ToList(),
        };
    }

    /// <summary>Years in order; other values by count, largest first, then by label.</summary>
    private static List<string> Order(string? dimension, List<string> keys, Func<string, long> count) =>
        dimension == StatisticsRequest.YearDimension
            ? keys.OrderBy(k => k, StringComparer.Ordinal).ToList()
            : keys.OrderByDescending(count).ThenBy(k => dimension is null ? k : Describe(dimension, k).Label, StringComparer.Ordinal).ToList();

    public static DimensionValue Describe(string dimension, string value) =>
        dimension == StatisticsRequest.YearDimension
            ? new DimensionValue(value, value)
            : new DimensionValue(value, FacetCatalogue.Find(dimension)!.LabelOf(value));

    public static string DimensionLabel(string dimension) =>
        dimension == StatisticsRequest.YearDimension ? "Year" : FacetCatalogue.Find(dimension)!.Label;

    /// <summary>The search listing the records behind a cell: the table's search, the cell's values, the measure and year.</summary>
    private static string CellQuery(StatisticsRequest request, params (string? Dimension, string Value)[] coordinates)
    {
        var query = request.BaseQuery with
        {
            Measure = request.Measure == Measure.Records ? null : request.Measure,
            Year = request.Year,
            Unit = request.Unit == CountUnit.Defendants ? null : request.Unit,
        };
        foreach (var (dimension, value) in coordinates)
        {
            if (dimension is null || value == Total)
            {
                continue;
            }

            if (dimension == StatisticsRequest.YearDimension)
            {
                var year = int.Parse(value, CultureInfo.InvariantCulture);
                query = request.Measure == Measure.Records
                    ? query with { Measure = Measure.New, Year = year }
                    : query with { Year = year };
            }
            else
            {
                query = query.WithFilter(dimension, [value]);
            }
        }

        return (query with { Sort = SortOrder.Relevance }).ToQueryString();
    }

    /// <summary>
    /// The title names what is counted, in the unit it is counted in, and over which records: "Cases with developments
    /// in 2024, by prosecuting state", "Charges with developments in 2024, by crime (Topic: Sexual and gender-based violence)".
    /// </summary>
    private static string Title(StatisticsRequest request)
    {
        var what = MeasureRules.Heading(request.Measure, request.Unit);
        var year = request.Year is null ? string.Empty : $" in {request.Year}";
        var by = request.By.Count == 0 ? string.Empty : ", by " + string.Join(" and ", request.By.Select(b => DimensionLabel(b).ToLowerInvariant()));

        // A table over part of the records says which part (its words and filters), so that it still says what it counts
        // when it stands alone. The years it covers are in the title already.
        var part = request.BaseQuery with { Sort = SortOrder.Relevance, EventType = null, FromYear = null, ToYear = null };
        var scope = part.ToQueryString().Length == 0 ? null : part.Describe();
        return $"{what}{year}{by}{(scope is null ? string.Empty : $" ({scope})")}";
    }
}

using UjDatabase.Core.Languages;
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

        var cells = requests.Select(_ => new Dictionary<(string Row, string Column), Cell>()).ToList();
        var scratch = new Scratch();
        long read = 0;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            read++;
            scratch.Years.Clear();
            for (var i = 0; i < requests.Count; i++)
            {
                Tally(requests[i], record, currentYear, cells[i], scratch);
            }
        }

        return requests.Select((request, i) => Build(request, cells[i], selected ?? read)).ToList();
    }

    /// <summary>The counting rules of the tables: a record for which none holds counts in none of them.</summary>
    public static IReadOnlyCollection<MeasureInYear> RulesOf(IEnumerable<StatisticsRequest> requests) =>
        requests.Select(r => new MeasureInYear(r.Measure, r.Year)).Distinct().ToList();

    /// <summary>
    /// One cell's count. Most units are the record's own (a defendant, a charge, an ungrouped case) and count once per
    /// record; only a case group's key can come again with a co-defendant, so only those are kept as a set. Counting
    /// every key in a set made the year in review at a million records spend its time growing sets.
    /// </summary>
    private sealed class Cell
    {
        public long Own { get; set; }

        public HashSet<long>? Shared { get; set; }

        public long Count => Own + (Shared?.Count ?? 0);
    }

    /// <summary>
    /// What one pass reuses from record to record: a year in review at a million records tallies hundreds of thousands
    /// of records into a dozen tables, and allocating lists for each made it spend its time collecting garbage.
    /// </summary>
    private sealed class Scratch
    {
        /// <summary>The record's years under each measure, worked out once per record for all the tables.</summary>
        public Dictionary<Measure, int[]> Years { get; } = [];

        public List<int?> Counted { get; } = [];

        public List<long> Units { get; } = [];

        /// <summary>The (cell, unit) pairs the record has reached in the current table.</summary>
        public HashSet<(Cell, long)> Touched { get; } = [];
    }

    private static readonly IReadOnlyList<string> TotalOnly = [Total];

    private static void Tally(StatisticsRequest request, IRecordFacts record, int currentYear, Dictionary<(string Row, string Column), Cell> cells, Scratch scratch)
    {
        if (request.Unit == CountUnit.Defendants && request.By is [StatisticsRequest.YearDimension])
        {
            TallyDefendantsByYear(request, record, currentYear, cells, scratch);
            return;
        }

        // A record reaches a cell once per unit however many of its rows and columns lead there.
        scratch.Touched.Clear();
        var shared = request.Unit == CountUnit.Cases && record.CaseKey >= 0;
        var first = request.By.Count > 0 ? request.By[0] : null;
        var second = request.By.Count > 1 ? request.By[1] : null;
        // In charges, a cell can hold fewer charges than its record has (a topic's cell only those naming it), so each
        // total counts its own charges: the total is the search's count even where rows add up to less.
        var ownTotals = request.Unit == CountUnit.Charges;
        foreach (var year in YearsCounted(request, record, currentYear, scratch))
        {
            var rows = first is null ? TotalOnly : Values(request.Query, record, first, year);
            var columns = second is null ? TotalOnly : Values(request.Query, record, second, year);
            foreach (var row in rows)
            {
                foreach (var column in columns)
                {
                    var units = Units(request.Query, record, request.Unit, (first, row), (second, column), scratch.Units);
                    Add(cells, (row, column), units, scratch.Touched, shared);
                    if (!ownTotals)
                    {
                        // A total that is the cell itself (no second dimension, or none at all) is not counted twice over:
                        // the charts over time tally every record in every year, and the repeats were half their time.
                        var (byRow, byColumn) = (row != Total, column != Total);
                        if (byColumn)
                        {
                            Add(cells, (row, Total), units, scratch.Touched, shared);
                        }

                        if (byRow)
                        {
                            Add(cells, (Total, column), units, scratch.Touched, shared);
                        }

                        if (byRow && byColumn)
                        {
                            Add(cells, (Total, Total), units, scratch.Touched, shared);
                        }
                    }
                }
            }

            if (ownTotals)
            {
                foreach (var row in rows)
                {
                    Add(cells, (row, Total), Units(request.Query, record, request.Unit, (first, row), (null, Total), scratch.Units), scratch.Touched, shared);
                }

                foreach (var column in columns)
                {
                    Add(cells, (Total, column), Units(request.Query, record, request.Unit, (null, Total), (second, column), scratch.Units), scratch.Touched, shared);
                }

                Add(cells, (Total, Total), Units(request.Query, record, request.Unit, (null, Total), (null, Total), scratch.Units), scratch.Touched, shared);
            }
        }
    }

    /// <summary>
    /// By year alone, in defendants (three of the four charts over time), a record is one unit that reaches each of its
    /// years once and the total once: counted straight, without the set that keeps a unit from counting twice in a cell.
    /// </summary>
    private static void TallyDefendantsByYear(StatisticsRequest request, IRecordFacts record, int currentYear, Dictionary<(string Row, string Column), Cell> cells, Scratch scratch)
    {
        var years = YearsCounted(request, record, currentYear, scratch);
        foreach (var year in years)
        {
            Count(cells, (YearKey(year!.Value)[0], Total));
        }

        if (years.Count > 0)
        {
            Count(cells, (Total, Total));
        }

        static void Count(Dictionary<(string Row, string Column), Cell> cells, (string, string) key)
        {
            if (!cells.TryGetValue(key, out var cell))
            {
                cells[key] = cell = new Cell();
            }

            cell.Own++;
        }
    }

    /// <summary>The years in which the record counts (one null entry when the table is not by year and the record counts).</summary>
    private static List<int?> YearsCounted(StatisticsRequest request, IRecordFacts record, int currentYear, Scratch scratch)
    {
        var counted = scratch.Counted;
        counted.Clear();
        var byYear = request.By.Contains(StatisticsRequest.YearDimension);
        if (request.Measure == Measure.Records && !byYear)
        {
            counted.Add(null);
            return counted;
        }

        if (!scratch.Years.TryGetValue(request.Measure, out var years))
        {
            scratch.Years[request.Measure] = years = MeasureRules.YearsOf(record.Events, request.Measure, currentYear).ToArray();
        }

        var from = request.Query.FromYear ?? int.MinValue;
        var to = request.Query.ToYear ?? int.MaxValue;
        foreach (var year in years)
        {
            if (year < from || year > to || (request.Year is { } single && year != single))
            {
                continue;
            }

            if (byYear || request.Year is not null)
            {
                counted.Add(year);
            }
            else
            {
                counted.Add(null);
                break;
            }
        }

        return counted;
    }

    /// <summary>
    /// The units a record adds to a cell. In charges, a cell of a crime (or charge stage) dimension holds only the
    /// record's charges of that crime (or stage): a record charged with war crimes and torture adds one charge to each.
    /// </summary>
    private static List<long> Units(CaseQuery query, IRecordFacts record, CountUnit unit, (string? Dimension, string Value) rowCell, (string? Dimension, string Value) columnCell, List<long> buffer)
    {
        if (unit is CountUnit.Cases or CountUnit.Defendants)
        {
            buffer.Clear();
            buffer.Add(unit == CountUnit.Cases ? record.CaseKey : record.Key);
            return buffer;
        }

        var charges = SelectedCharges(query, record, ignore: null);
        var topics = query.Selected(FacetCatalogue.Topic.Name);
        if (topics.Count > 0)
        {
            charges = NamingTopics(record, charges, topics);
        }

        foreach (var (dimension, value) in new[] { rowCell, columnCell })
        {
            if (dimension == FacetCatalogue.Topic.Name && value != Total)
            {
                // The cell's search selects its topic: the same charges as that search counts.
                charges = NamingTopics(record, charges, [value]);
            }
            else if (dimension == FacetCatalogue.Crime.Name && value != Total)
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
    /// Counted in charges, a topic is a charge's: only the charges that name a selected topic count, and under "not
    /// recorded" the charges that name none.
    /// </summary>
    private static IEnumerable<(string Crime, string Stage)> NamingTopics(IRecordFacts record, IEnumerable<(string Crime, string Stage)> charges, IReadOnlyCollection<string> topics)
    {
        var named = record.ChargeTopics.Where(t => topics.Contains(t.Topic)).Select(t => (t.Crime, t.Stage)).ToHashSet();
        if (!topics.Contains(FacetCatalogue.Missing))
        {
            return charges.Where(named.Contains);
        }

        var tagged = record.ChargeTopics.Select(t => (t.Crime, t.Stage)).ToHashSet();
        return charges.Where(c => named.Contains(c) || !tagged.Contains(c));
    }

    /// <summary>
    /// The values of a dimension under which a record counts. Where the search already filters that facet, only the
    /// selected values count, so that every cell's search (the table's search with the cell's value) lists exactly
    /// the records counted in it; crime and charge stage follow each other's selection within one charge.
    /// </summary>
    private static readonly IReadOnlyList<string> MissingOnly = [FacetCatalogue.Missing];

    private static long CrimeIndex(string crime)
    {
        var index = Vocabularies.Catalogue.Crime.Terms.ToList().FindIndex(t => t.Code == crime);
        return index < 0 ? 63 : index;
    }

    /// <summary>
    /// A year as a row key, made once: the charts over time count every record in every year it counts in, and a new
    /// string and list for each showed in the statistics page's time.
    /// </summary>
    private static IReadOnlyList<string> YearKey(int year) =>
        year is >= 0 and < 10_000 ? YearKeys[year] ??= [year.ToString(CultureInfo.InvariantCulture)] : [year.ToString(CultureInfo.InvariantCulture)];

    private static readonly string[]?[] YearKeys = new string[]?[10_000];

    private static IReadOnlyList<string> Values(CaseQuery query, IRecordFacts record, string dimension, int? year)
    {
        if (dimension == StatisticsRequest.YearDimension)
        {
            return YearKey(year!.Value);
        }

        var selected = query.Selected(dimension);
        var facet = FacetCatalogue.Find(dimension)!;
        if (selected.Count == 0 && facet != FacetCatalogue.Crime && facet != FacetCatalogue.ChargeStage)
        {
            // The common case, a million times in a year in review at scale: the record's values (distinct already) as they are.
            var own = record.Values(facet);
            return own.Count == 0 ? MissingOnly : own;
        }

        if (facet == FacetCatalogue.Crime && selected.Count == 0 && query.Selected(FacetCatalogue.ChargeStage.Name).Count == 0)
        {
            // By crime over a search that selects no charge: the record's crimes, without building a query over its charges.
            var crimes = record.Values(facet);
            return crimes.Count == 0 ? MissingOnly : crimes;
        }

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

    private static void Add(Dictionary<(string, string), Cell> cells, (string, string) key, List<long> units, HashSet<(Cell, long)> touched, bool shared)
    {
        if (units.Count == 0)
        {
            return;
        }

        if (!cells.TryGetValue(key, out var cell))
        {
            cells[key] = cell = new Cell();
        }

        foreach (var unit in units)
        {
            if (!touched.Add((cell, unit)))
            {
                continue;
            }

            if (shared)
            {
                (cell.Shared ??= []).Add(unit);
            }
            else
            {
                cell.Own++;
            }
        }
    }

    private static StatisticsTable Build(StatisticsRequest request, Dictionary<(string Row, string Column), Cell> cells, long selected)
    {
        long Count(string row, string column) => cells.TryGetValue((row, column), out var cell) ? cell.Count : 0;
        var first = request.By.Count > 0 ? request.By[0] : null;
        var second = request.By.Count > 1 ? request.By[1] : null;

        var rowKeys = cells.Keys.Select(k => k.Row).Where(r => r != Total).Distinct().ToList();
        var columnKeys = cells.Keys.Select(k => k.Column).Where(c => c != Total).Distinct().ToList();
        var rows = Order(first, rowKeys, r => Count(r, Total));
        var columns = Order(second, columnKeys, c => Count(Total, c));

        TableCell Cell(string row, string column) => new(Count(row, column), CellQuery(request, (first, row), (second, column)));

        var tableRows = first is null
            ? [new TableRow(new DimensionValue(Total, Texts.T("All")), [], Cell(Total, Total))]
            : rows.Select(r => new TableRow(Describe(first, r), columns.Select(c => Cell(r, c)).ToList(), Cell(r, Total))).ToList();
        var rule = $"{MeasureRules.Rule(request.Measure)} {StatisticsRequest.UnitRule(request.Unit)}"
            + (request.By.Any(b => b != StatisticsRequest.YearDimension)
                ? " " + Texts.T("A record with several values of a dimension (two countries, three crimes) counts under each, so rows can add up to more than the total; records with no value count under “Not recorded”.")
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
        Texts.T(dimension == StatisticsRequest.YearDimension ? "Year" : FacetCatalogue.Find(dimension)!.Label);

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
        var year = request.Year is null ? string.Empty : Texts.T(" in {0}", request.Year);
        var by = request.By.Count == 0 ? string.Empty : Texts.T(", by {0}", string.Join(Texts.T(" and "), request.By.Select(b => Texts.InSentence(DimensionLabel(b)))));

        // A table over part of the records says which part (its words and filters), so that it still says what it counts
        // when it stands alone. The years it covers are in the title already.
        var part = request.BaseQuery with { Sort = SortOrder.Relevance, EventType = null, FromYear = null, ToYear = null };
        var scope = part.ToQueryString().Length == 0 ? null : part.Describe();
        return $"{what}{year}{by}{(scope is null ? string.Empty : $" ({scope})")}";
    }
}

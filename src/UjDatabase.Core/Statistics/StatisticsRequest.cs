using UjDatabase.Core.Languages;
using System.Globalization;
using UjDatabase.Core.Search;

namespace UjDatabase.Core.Statistics;

/// <summary>What is counted once per unit.</summary>
public enum CountUnit
{
    /// <summary>Records: one per defendant in a proceeding.</summary>
    Defendants,

    /// <summary>Distinct proceedings: the case group, or the record where it has none.</summary>
    Cases,

    /// <summary>One per crime per record.</summary>
    Charges,
}

/// <summary>
/// A statistics table: a measure, in a year or across years, broken down by up to two dimensions (a facet, or the year
/// of the measure), counted in one unit, over the records a search selects. Read from the same URL parameters as the
/// search: <c>measure</c> and <c>year</c> name what is counted; <c>by</c> and <c>unit</c> how.
/// </summary>
public sealed record StatisticsRequest(CaseQuery Query, Measure Measure, int? Year, IReadOnlyList<string> By, CountUnit Unit)
{
    public const string YearDimension = "year";

    /// <summary>The search that selects the records, without the measure (which is what is counted) and without paging.</summary>
    public CaseQuery BaseQuery => (Query with { Measure = null, Year = null, Unit = null, Sort = SortOrder.Name }).ForExport();

    public static (StatisticsRequest? Request, IReadOnlyList<QueryError> Errors) Parse(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var pairs = parameters.ToList();
        var parsed = CaseQueryParser.Parse(pairs);
        var errors = parsed.Errors.ToList();
        var query = parsed.Query;
        var by = pairs.Where(p => p.Key == "by" && p.Value.Length > 0).Select(p => p.Value).ToList();
        foreach (var dimension in by.Where(d => d != YearDimension && FacetCatalogue.Find(d) is null))
        {
            errors.Add(new("by", dimension, Texts.T("is not a dimension (year, or one of: {0})", string.Join(", ", FacetCatalogue.All.Select(f => f.Name)))));
        }

        foreach (var twice in by.GroupBy(d => d, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new("by", twice.Key, Texts.T("is given twice")));
        }

        if (by.Count > 2)
        {
            errors.Add(new("by", string.Join(",", by), Texts.T("takes at most two dimensions")));
        }

        if (by.Contains(YearDimension) && query.Year is not null)
        {
            errors.Add(new("by", YearDimension, Texts.T("cannot be combined with a single year; use from and to for a range")));
        }

        var unit = query.Unit ?? CountUnit.Defendants;

        var measure = query.Measure ?? Measure.Records;
        return errors.Count > 0 ? (null, errors) : (new StatisticsRequest(query, measure, query.Year, by.Distinct(StringComparer.Ordinal).ToList(), unit), errors);
    }

    public static bool TryParseUnit(string text, out CountUnit unit)
    {
        unit = text switch
        {
            "defendants" => CountUnit.Defendants,
            "cases" => CountUnit.Cases,
            "charges" => CountUnit.Charges,
            _ => (CountUnit)(-1),
        };
        return Enum.IsDefined(unit);
    }

    public static string UnitCode(CountUnit unit) => unit.ToString().ToLowerInvariant();

    /// <summary>The unit's counting rule in words.</summary>
    public static string UnitRule(CountUnit unit) => Texts.T(unit switch
    {
        CountUnit.Defendants => "Counted in defendants: each record (one accused in one proceeding) once.",
        CountUnit.Cases => "Counted in cases: co-defendants of one proceeding (same case group) count once together.",
        CountUnit.Charges => "Counted in charges: one per crime per record; where the search selects topics or the table is by topic, only the charges that name the topic (a rape charge names sexual and gender-based violence), under “Not recorded” the charges of records with no topic, and in the total every charge.",
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    });

    /// <summary>The URL parameters of this table (the search's, plus measure, year, by and unit).</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        var search = (BaseQuery with { Sort = SortOrder.Relevance }).ToQueryString();
        if (search.Length > 0)
        {
            parts.Add(search);
        }

        if (Measure != Measure.Records)
        {
            parts.Add($"measure={MeasureRules.Code(Measure)}");
        }

        if (Year is not null)
        {
            parts.Add($"year={Year.Value.ToString(CultureInfo.InvariantCulture)}");
        }

        parts.AddRange(By.Select(b => $"by={b}"));
        if (Unit != CountUnit.Defendants)
        {
            parts.Add($"unit={UnitCode(Unit)}");
        }

        return string.Join('&', parts);
    }
}

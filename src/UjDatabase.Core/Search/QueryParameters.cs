using UjDatabase.Core.Languages;
using System.Globalization;
using UjDatabase.Core.Statistics;
using UjDatabase.Core.Vocabularies;

namespace UjDatabase.Core.Search;

/// <summary>The kind of value a URL parameter takes.</summary>
public enum ParameterKind
{
    /// <summary>Free text.</summary>
    Text,

    /// <summary>One of a list of codes.</summary>
    Code,

    /// <summary>A whole number in a range (a year, a page).</summary>
    WholeNumber,
}

/// <summary>One URL parameter: its name, what it takes, whether it may repeat, and what it means.</summary>
public sealed record ParameterDefinition(string Name, ParameterKind Kind, bool Repeatable, string Description)
{
    /// <summary>The codes a <see cref="ParameterKind.Code"/> parameter accepts.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    public int? Minimum { get; init; }

    public int? Maximum { get; init; }
}

/// <summary>
/// Every URL parameter of the site and the API, declared once: the parsers check values, the routes reject or report
/// parameters they do not take, the OpenAPI document lists them with their types and allowed values, and the command
/// line takes the same names as options.
/// </summary>
public static class QueryParameters
{
    public static ParameterDefinition Text { get; } = new("q", ParameterKind.Text, false,
        "Words to find in names, positions, courts, places, summaries and events: \"quoted phrases\", prefix*, OR between alternatives, -word to exclude; accents and case are ignored.");

    public static ParameterDefinition Group { get; } = new("group", ParameterKind.Text, false, "The records of one proceeding: its case group id (the interchange format's case_group), as on /groups/{id}.");

    public static ParameterDefinition EventType { get; } = new("event", ParameterKind.Code, false, "Records with an event of this type (dated within from..to when given).")
    {
        Values = Catalogue.EventType.Terms.Select(t => t.Code).ToList(),
    };

    public static ParameterDefinition From { get; } = new("from", ParameterKind.WholeNumber, false, "Records with an event (of the event type, if given) in this year or later.") { Minimum = 1000, Maximum = 9999 };

    public static ParameterDefinition To { get; } = new("to", ParameterKind.WholeNumber, false, "Records with an event (of the event type, if given) in this year or earlier.") { Minimum = 1000, Maximum = 9999 };

    public static ParameterDefinition Measure { get; } = new("measure", ParameterKind.Code, false, "Records for which a counting rule holds (in the year, when given): the records behind a statistic.")
    {
        Values = Enum.GetValues<Statistics.Measure>().Select(MeasureRules.Code).ToList(),
    };

    public static ParameterDefinition Year { get; } = new("year", ParameterKind.WholeNumber, false, "The year of the measure; needs a measure other than records.") { Minimum = 1000, Maximum = 9999 };

    public static ParameterDefinition Sort { get; } = new("sort", ParameterKind.Code, false, "The order of results: best match, latest development, family name, or the day last checked against sources.")
    {
        Values = ["relevance", "date", "name", "updated"],
    };

    public static ParameterDefinition Page { get; } = new("page", ParameterKind.WholeNumber, false, $"The page of results (paging stops at the first {CaseQuery.MaxWindow} results).") { Minimum = 1 };

    public static ParameterDefinition Size { get; } = new("size", ParameterKind.WholeNumber, false, "Results per page.") { Minimum = 1, Maximum = CaseQuery.MaxSize };

    public static ParameterDefinition By { get; } = new("by", ParameterKind.Code, true, "A dimension to break the table down by (give it twice for two dimensions).")
    {
        Values = [StatisticsRequest.YearDimension, .. FacetCatalogue.All.Select(f => f.Name)],
    };

    public static ParameterDefinition Unit { get; } = new("unit", ParameterKind.Code, false, "What is counted once: a defendant (record), a case (co-defendants together), or a charge. On a search, it says how the statistic behind the list was counted; records are still listed one per defendant.")
    {
        Values = Enum.GetValues<CountUnit>().Select(StatisticsRequest.UnitCode).ToList(),
    };

    public static ParameterDefinition Since { get; } = new("since", ParameterKind.WholeNumber, false, "The first year of the series of convictions by year.") { Minimum = 1900, Maximum = 9999 };

    /// <summary>A facet's parameter: repeatable, its values, and the not-recorded bucket.</summary>
    public static ParameterDefinition Facet(FacetDefinition facet)
    {
        ArgumentNullException.ThrowIfNull(facet);
        return new(facet.Name, ParameterKind.Code, true, $"{facet.Label}: records with any of the given values ({FacetCatalogue.Missing} for records where it is not recorded).")
        {
            Values = [.. FacetCatalogue.ValuesOf(facet), FacetCatalogue.Missing],
        };
    }

    /// <summary>A download format parameter.</summary>
    public static ParameterDefinition Format(params string[] formats) =>
        new("format", ParameterKind.Code, false, "The file format.") { Values = formats };

    /// <summary>The parameters of a search: what the search page, the API, exports and feeds take.</summary>
    public static IReadOnlyList<ParameterDefinition> Search { get; } =
        [Text, .. FacetCatalogue.All.Select(Facet), Group, EventType, From, To, Measure, Year, Unit, Sort, Page, Size];

    /// <summary>The parameters of a statistics table: the search's (without paging or order) and how to break it down.</summary>
    public static IReadOnlyList<ParameterDefinition> Statistics { get; } =
        [.. Search.Where(p => p != Sort && p != Page && p != Size), By];

    /// <summary>A problem for each parameter that is not among <paramref name="known"/>, naming the ones that are.</summary>
    public static List<QueryError> Unknown(IEnumerable<KeyValuePair<string, string>> parameters, IReadOnlyList<ParameterDefinition> known)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(known);
        var names = known.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return parameters.Select(p => p.Key).Where(name => !names.Contains(name)).Distinct(StringComparer.Ordinal)
            .Select(name => new QueryError(name, string.Empty, Texts.T("is not a parameter here (known: {0})", string.Join(", ", known.Select(p => p.Name)))))
            .ToList();
    }

    /// <summary>A problem for each parameter that may be given once and was given more often.</summary>
    public static List<QueryError> Repeated(IEnumerable<KeyValuePair<string, string>> parameters, IReadOnlyList<ParameterDefinition> known)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(known);
        var single = known.Where(p => !p.Repeatable).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return parameters.GroupBy(p => p.Key, StringComparer.Ordinal).Where(g => single.Contains(g.Key) && g.Count() > 1)
            .Select(g => new QueryError(g.Key, string.Join(",", g.Select(p => p.Value)), Texts.T("may be given only once")))
            .ToList();
    }

    /// <summary>Reads a whole number for an integer parameter, or the problem with the value.</summary>
    public static QueryError? TryReadInteger(ParameterDefinition parameter, string value, out int number)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(value);
        var range = (parameter.Minimum, parameter.Maximum) switch
        {
            ({ } min, { } max) => Texts.T("a whole number from {0} to {1}", min, max),
            ({ } min, null) => Texts.T("a whole number from {0}", min),
            _ => Texts.T("a whole number"),
        };
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number)
            || number < (parameter.Minimum ?? int.MinValue) || number > (parameter.Maximum ?? int.MaxValue))
        {
            return new QueryError(parameter.Name, value, Texts.T("is not {0}", range));
        }

        return null;
    }
}

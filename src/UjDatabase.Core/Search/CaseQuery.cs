using UjDatabase.Core.Languages;
using System.Globalization;
using System.Text;
using UjDatabase.Core.Statistics;
using UjDatabase.Core.Vocabularies;

namespace UjDatabase.Core.Search;

/// <summary>How results are ordered.</summary>
public enum SortOrder
{
    /// <summary>Best match first (newest first when there is no text query).</summary>
    Relevance,

    /// <summary>Most recent event first.</summary>
    Date,

    /// <summary>By the accused's family name (organisations by name).</summary>
    Name,

    /// <summary>By the day the record was last checked against its sources, newest first (as feeds list them).</summary>
    Updated,
}

/// <summary>
/// A search, as the URL states it. One query drives the result list, the facet counts, the statistics and the exports,
/// so that they never disagree. Parse it with <see cref="CaseQueryParser"/>; write it back with <see cref="ToQueryString"/>.
/// </summary>
public sealed record CaseQuery
{
    public const int MaxTextLength = 500;
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    /// <summary>Paging stops at this many records (page × size); exports stream instead.</summary>
    public const int MaxWindow = 10_000;

    public static CaseQuery Empty { get; } = new();

    public string? Text { get; init; }

    /// <summary>Selected values per facet name (URL parameter). Several values of one facet OR; facets AND.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The records of one proceeding (their <c>case_group</c>): what a case group page lists, as a search.</summary>
    public string? Group { get; init; }

    /// <summary>Records with an event of this type (any type when null) dated within <see cref="FromYear"/>..<see cref="ToYear"/>.</summary>
    public string? EventType { get; init; }

    public int? FromYear { get; init; }

    public int? ToYear { get; init; }

    /// <summary>Keeps records for which a counting rule holds (in <see cref="Year"/>, or in any year): the records behind a statistic.</summary>
    public Measure? Measure { get; init; }

    public int? Year { get; init; }

    /// <summary>
    /// How the records of a statistic were counted (cases or charges), so that the list behind a number can say it
    /// shows the defendants behind it. It selects nothing; records are always listed one per defendant.
    /// </summary>
    public CountUnit? Unit { get; init; }

    public SortOrder Sort { get; init; } = SortOrder.Relevance;

    public int Page { get; init; } = 1;

    public int Size { get; init; } = DefaultSize;

    /// <summary>True when the event filter is active.</summary>
    public bool HasEventFilter => EventType is not null || FromYear is not null || ToYear is not null;

    /// <summary>
    /// The query for reading every record in a stable order, as exports and streams do: no paging, and with no text
    /// (where relevance means nothing) ordered by name.
    /// </summary>
    public CaseQuery ForExport() => this with
    {
        Page = 1,
        Size = DefaultSize,
        Sort = Sort == SortOrder.Relevance && Text is null ? SortOrder.Name : Sort,
    };

    /// <summary>The same records as a listing of its own (for a feed or statistics): first page, default size and order.</summary>
    public CaseQuery AsListing() => this with { Page = 1, Size = DefaultSize, Sort = SortOrder.Relevance };

    public IReadOnlyList<string> Selected(string facet) => Filters.TryGetValue(facet, out var values) ? values : [];

    public CaseQuery WithFilter(string facet, IReadOnlyList<string> values)
    {
        var filters = Filters.ToDictionary(f => f.Key, f => f.Value);
        if (values.Count == 0)
        {
            filters.Remove(facet);
        }
        else
        {
            filters[facet] = values;
        }

        return this with { Filters = filters };
    }

    /// <summary>The canonical URL query string (without '?'): parameters in a fixed order, defaults left out.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string name, string value) => parts.Add($"{name}={Uri.EscapeDataString(value)}");

        if (Text is not null)
        {
            Add("q", Text);
        }

        foreach (var facet in FacetCatalogue.All)
        {
            foreach (var value in Selected(facet.Name))
            {
                Add(facet.Name, value);
            }
        }

        if (Group is not null)
        {
            Add("group", Group);
        }

        if (EventType is not null)
        {
            Add("event", EventType);
        }

        if (FromYear is not null)
        {
            Add("from", FromYear.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (ToYear is not null)
        {
            Add("to", ToYear.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (Measure is not null)
        {
            Add("measure", MeasureRules.Code(Measure.Value));
        }

        if (Year is not null)
        {
            Add("year", Year.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (Unit is { } unit)
        {
            Add("unit", StatisticsRequest.UnitCode(unit));
        }

        if (Sort != SortOrder.Relevance)
        {
            Add("sort", Sort.ToString().ToLowerInvariant());
        }

        if (Page != 1)
        {
            Add("page", Page.ToString(CultureInfo.InvariantCulture));
        }

        if (Size != DefaultSize)
        {
            Add("size", Size.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join('&', parts);
    }

    /// <summary>Plain words for people: "Syria; War crimes or Torture; 2019–2022".</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        if (Text is not null)
        {
            text.Append('“').Append(Text).Append('”');
        }

        foreach (var facet in FacetCatalogue.All)
        {
            var values = Selected(facet.Name);
            if (values.Count > 0)
            {
                text.Append(text.Length > 0 ? "; " : string.Empty).Append(facet.LocalLabel).Append(Texts.T(": "))
                    .Append(string.Join(Texts.T(" or "), values.Select(facet.LabelOf)));
            }
        }

        if (Group is not null)
        {
            text.Append(text.Length > 0 ? "; " : string.Empty).Append(Texts.T("Proceeding:")).Append(' ').Append(Group);
        }

        if (HasEventFilter)
        {
            text.Append(text.Length > 0 ? "; " : string.Empty)
                .Append(EventType is null ? Texts.T("any event") : Catalogue.EventType.LabelOf(EventType))
                .Append(' ').Append(FromYear?.ToString(CultureInfo.InvariantCulture) ?? "…")
                .Append('–').Append(ToYear?.ToString(CultureInfo.InvariantCulture) ?? "…");
        }

        if (Measure is { } measure)
        {
            text.Append(text.Length > 0 ? "; " : string.Empty).Append(MeasureRules.Label(measure))
                .Append(Year is null ? string.Empty : Texts.T(" in {0}", Year.Value.ToString(CultureInfo.InvariantCulture)));
        }

        return text.Length == 0 ? Texts.T("All cases") : text.ToString();
    }
}

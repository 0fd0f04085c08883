using UjDatabase.Core.Cases;

namespace UjDatabase.Core.Search;

/// <summary>One value of a facet with its count under every selection but the facet's own.</summary>
public sealed record FacetValue(string Value, string Label, long Count, bool Selected);

/// <summary>A facet's values, selected first, then by count.</summary>
public sealed record FacetResult(string Name, string Label, IReadOnlyList<FacetValue> Values);

/// <summary>One result: the record, and text snippets with matches marked (HTML-encoded, with <c>&lt;mark&gt;</c>).</summary>
public sealed record SearchHit(CaseRecord Record, IReadOnlyList<string> Highlights, bool FuzzyName);

/// <summary>What a search returns: the total, one page of hits, the facets and the event-year histogram.</summary>
public sealed record SearchResult(
    long Total,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<FacetResult> Facets,
    IReadOnlyList<FacetValue> EventYears,
    string? Notice);

namespace UjDatabase.Core.Search;

/// <summary>Orders the values of a counted facet the same way for every engine: selected first, then by count, then by label.</summary>
public static class FacetResults
{
    /// <summary>
    /// A facet's values from its counts: values with no records are dropped unless selected, the "Not recorded"
    /// bucket is included when it has records or is selected, and selected values the engine never saw stay with 0.
    /// </summary>
    public static FacetResult Build(FacetDefinition facet, IEnumerable<(string Value, long Count)> counts, long missing, IReadOnlyList<string> selected)
    {
        ArgumentNullException.ThrowIfNull(facet);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(selected);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var values = new List<FacetValue>();
        foreach (var (value, count) in counts)
        {
            if (seen.Add(value) && (count > 0 || selected.Contains(value)))
            {
                values.Add(new FacetValue(value, facet.LabelOf(value), count, selected.Contains(value)));
            }
        }

        if (missing > 0 || selected.Contains(FacetCatalogue.Missing))
        {
            values.Add(new FacetValue(FacetCatalogue.Missing, facet.LabelOf(FacetCatalogue.Missing), missing, selected.Contains(FacetCatalogue.Missing)));
        }

        values.AddRange(selected.Where(v => v != FacetCatalogue.Missing && !seen.Contains(v)).Select(v => new FacetValue(v, facet.LabelOf(v), 0, true)));
        return new FacetResult(facet.Name, facet.LocalLabel, values
            .OrderByDescending(v => v.Selected).ThenByDescending(v => v.Count).ThenBy(v => v.Label, StringComparer.Ordinal).ToList());
    }
}

using UjDatabase.Core.Cases;
using UjDatabase.Core.Search;

namespace UjDatabase.Tests.Contracts;

/// <summary>
/// A deliberately naive second implementation of filtering and drill-sideways facet counts, straight from the rules in
/// the docs, to check the engines against.
/// </summary>
internal static class BruteForceSearch
{
    public static bool Matches(CaseRecord r, CaseQuery q, string? except = null)
    {
        if (!r.IsPublished || (q.Group is not null && r.CaseGroup != q.Group))
        {
            return false;
        }

        foreach (var facet in FacetCatalogue.All)
        {
            if (facet.Name == except || facet == FacetCatalogue.Crime || facet == FacetCatalogue.ChargeStage)
            {
                continue;
            }

            var selected = q.Selected(facet.Name);
            if (selected.Count == 0)
            {
                continue;
            }

            var values = facet.Values(r).ToList();
            if (!(values.Count == 0 ? selected.Contains(FacetCatalogue.Missing) : values.Any(selected.Contains)))
            {
                return false;
            }
        }

        var crimes = except == "crime" ? [] : q.Selected("crime");
        var stages = except == "charge_stage" ? [] : q.Selected("charge_stage");
        // Within one charge; "not recorded" in either selects the records with no charge at all.
        if ((crimes.Count > 0 || stages.Count > 0)
            && !r.Charges.Any(c => (crimes.Count == 0 || crimes.Contains(c.Crime!)) && (stages.Count == 0 || stages.Contains(c.Stage!)))
            && !(r.Charges.Count == 0 && (crimes.Contains(FacetCatalogue.Missing) || stages.Contains(FacetCatalogue.Missing))))
        {
            return false;
        }

        if (q.Measure is { } measure)
        {
            var facts = r.Events.Select(e => new UjDatabase.Core.Statistics.EventFact(e.Type!, e.Date!.Value.Year, e.Outcome)).ToList();
            var years = UjDatabase.Core.Statistics.MeasureRules.YearsOf(facts, measure, DateTime.UtcNow.Year).ToList();
            if (measure != UjDatabase.Core.Statistics.Measure.Records && (q.Year is { } year ? !years.Contains(year) : years.Count == 0))
            {
                return false;
            }
        }

        return except == "event" || !q.HasEventFilter || r.Events.Any(e =>
            (q.EventType is null || e.Type == q.EventType)
            && e.Date!.Value.Year >= (q.FromYear ?? int.MinValue)
            && e.Date.Value.Year <= (q.ToYear ?? int.MaxValue));
    }

    /// <summary>Counts of one facet: every record passing all other selections, once per distinct value.</summary>
    public static Dictionary<string, long> Counts(IEnumerable<CaseRecord> records, CaseQuery q, FacetDefinition facet)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var r in records.Where(r => Matches(r, q, except: facet.Name)))
        {
            IEnumerable<string> values = facet.Values(r);
            if (facet == FacetCatalogue.Crime && q.Selected("charge_stage").Count > 0)
            {
                values = r.Charges.Where(c => q.Selected("charge_stage").Contains(c.Stage!)).Select(c => c.Crime!);
            }
            else if (facet == FacetCatalogue.ChargeStage && q.Selected("crime").Count > 0)
            {
                values = r.Charges.Where(c => q.Selected("crime").Contains(c.Crime!)).Select(c => c.Stage!);
            }

            var distinct = values.Distinct().ToList();
            if (facet.Values(r).Any() == false)
            {
                distinct = [FacetCatalogue.Missing];
            }

            foreach (var value in distinct)
            {
                counts[value] = counts.GetValueOrDefault(value) + 1;
            }
        }

        return counts;
    }

    public static Dictionary<string, long> EventYears(IEnumerable<CaseRecord> records, CaseQuery q)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var r in records.Where(r => Matches(r, q, except: "event")))
        {
            foreach (var year in r.Events.Where(e => q.EventType is null || e.Type == q.EventType).Select(e => e.Date!.Value.Year).Distinct())
            {
                var key = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts;
    }
}

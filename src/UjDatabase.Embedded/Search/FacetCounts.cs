using System.Globalization;
using UjDatabase.Core.Search;

namespace UjDatabase.Embedded.Search;

/// <summary>
/// Counts every facet drill-sideways over the segments of one query: a facet's counts are over the documents that
/// match the text and every selection but the facet's own. Where the documents to count are many, each value's set is
/// counted against them by popcount; where they are few, the documents' own values are tallied.
/// </summary>
internal sealed class FacetCounts
{
    private readonly long[][] counts;
    private readonly long[] missing;
    private readonly Dictionary<int, long> years = [];
    private readonly Dictionaries dictionaries;
    private readonly CaseQuery query;

    public FacetCounts(Dictionaries dictionaries, CaseQuery query)
    {
        this.dictionaries = dictionaries;
        this.query = query;
        counts = dictionaries.Facets.Select(d => new long[d.Count]).ToArray();
        missing = new long[counts.Length];
    }

    /// <summary>Adds one segment's counts; <paramref name="matches"/> are the documents the text matches there.</summary>
    public void Add(QueryFilters filters, ulong[] matches)
    {
        var columns = filters.Segment.Columns;
        var facets = FacetCatalogue.All;
        ulong[]? everything = null;
        for (var f = 0; f < facets.Count; f++)
        {
            if (f == FacetIndex.Crime || f == FacetIndex.ChargeStage)
            {
                continue;
            }

            ulong[] docs;
            if (filters.Facets.ContainsKey(f))
            {
                docs = filters.Except(f);
                Bits.And(docs, matches);
            }
            else
            {
                everything ??= Matching(filters.All, matches);
                docs = everything;
            }

            CountFacet(columns, f, docs);
        }

        // Crime and stage: over every selection but the charge selection, counting the crimes (stages) of charges whose
        // stage (crime) is selected, so that "convicted" shows what each crime's convictions would give.
        var charged = filters.Except(QueryFilters.ChargeSelection);
        Bits.And(charged, matches);
        CountCharges(columns, charged);

        var dated = filters.Except(QueryFilters.EventSelection);
        Bits.And(dated, matches);
        CountYears(columns, dated);
    }

    private static ulong[] Matching(ulong[] all, ulong[] matches)
    {
        var docs = Bits.Copy(all);
        Bits.And(docs, matches);
        return docs;
    }

    private static bool IsFew(ulong[] docs, int maxDoc, out int count)
    {
        count = Bits.Count(docs);
        return count * 16 < maxDoc;
    }

    private void CountFacet(SegmentColumns columns, int f, ulong[] docs)
    {
        if (IsFew(docs, columns.MaxDoc, out _))
        {
            var column = columns.Facets[f];
            foreach (var doc in Bits.Documents(docs))
            {
                var values = column.Of(doc);
                if (values.IsEmpty)
                {
                    missing[f]++;
                }

                foreach (var value in values)
                {
                    counts[f][value]++;
                }
            }

            return;
        }

        foreach (var (value, set) in columns.FacetSets[f])
        {
            counts[f][value] += set.CountIn(docs);
        }

        missing[f] += columns.Missing[f].CountIn(docs);
    }

    private void CountCharges(SegmentColumns columns, ulong[] docs)
    {
        var crimes = SelectedIds(FacetCatalogue.Crime, dictionaries.Crimes);
        var stages = SelectedIds(FacetCatalogue.ChargeStage, dictionaries.Stages);
        var crime = FacetIndex.Crime;
        var stage = FacetIndex.ChargeStage;

        // A record with no charge counts as "not recorded" in one half when the other half lets it through: nothing
        // selected there, or "not recorded" among the selection.
        var noChargeCrime = LetsNoChargeThrough(FacetCatalogue.ChargeStage);
        var noChargeStage = LetsNoChargeThrough(FacetCatalogue.Crime);
        if (IsFew(docs, columns.MaxDoc, out _))
        {
            foreach (var doc in Bits.Documents(docs))
            {
                var docCrimes = columns.ChargeCrimes.Of(doc);
                var docStages = columns.ChargeStages.Of(doc);
                if (docCrimes.IsEmpty)
                {
                    missing[crime] += noChargeCrime ? 1 : 0;
                    missing[stage] += noChargeStage ? 1 : 0;
                    continue;
                }

                // Each crime (stage) once per document, among charges whose stage (crime) is selected.
                var seenCrimes = 0UL;
                var seenStages = 0UL;
                for (var i = 0; i < docCrimes.Length; i++)
                {
                    if ((stages is null || stages.Contains(docStages[i])) && (seenCrimes & (1UL << docCrimes[i])) == 0)
                    {
                        seenCrimes |= 1UL << docCrimes[i];
                        counts[crime][docCrimes[i]]++;
                    }

                    if ((crimes is null || crimes.Contains(docCrimes[i])) && (seenStages & (1UL << docStages[i])) == 0)
                    {
                        seenStages |= 1UL << docStages[i];
                        counts[stage][docStages[i]]++;
                    }
                }
            }

            return;
        }

        var byCrime = new Dictionary<int, ulong[]>();
        var byStage = new Dictionary<int, ulong[]>();
        foreach (var ((c, s), set) in columns.ChargeSets)
        {
            if (stages is null || stages.Contains(s))
            {
                set.OrInto(Set(byCrime, c, columns.MaxDoc));
            }

            if (crimes is null || crimes.Contains(c))
            {
                set.OrInto(Set(byStage, s, columns.MaxDoc));
            }
        }

        foreach (var (c, set) in byCrime)
        {
            counts[crime][c] += Bits.CountAnd(set, docs);
        }

        foreach (var (s, set) in byStage)
        {
            counts[stage][s] += Bits.CountAnd(set, docs);
        }

        var none = columns.Missing[crime].CountIn(docs);
        missing[crime] += noChargeCrime ? none : 0;
        missing[stage] += noChargeStage ? none : 0;
    }

    private static ulong[] Set(Dictionary<int, ulong[]> sets, int key, int maxDoc)
    {
        if (!sets.TryGetValue(key, out var set))
        {
            sets[key] = set = Bits.New(maxDoc);
        }

        return set;
    }

    /// <summary>The selected values' ids; null when nothing is selected, empty when only "not recorded" (or unknown values) is.</summary>
    private HashSet<int>? SelectedIds(FacetDefinition facet, ValueDictionary dictionary)
    {
        var selected = query.Selected(facet.Name);
        return selected.Count == 0 ? null : selected.Where(v => v != FacetCatalogue.Missing).Select(dictionary.Find).OfType<int>().ToHashSet();
    }

    private bool LetsNoChargeThrough(FacetDefinition facet)
    {
        var selected = query.Selected(facet.Name);
        return selected.Count == 0 || selected.Contains(FacetCatalogue.Missing);
    }

    private void CountYears(SegmentColumns columns, ulong[] docs)
    {
        if (query.EventType is { } type)
        {
            if (dictionaries.EventTypes.Find(type) is not { } typeId)
            {
                return;
            }

            foreach (var ((t, year), set) in columns.TypeYearSets)
            {
                if (t == typeId)
                {
                    years[year] = years.GetValueOrDefault(year) + set.CountIn(docs);
                }
            }

            return;
        }

        foreach (var (year, set) in columns.YearSets)
        {
            years[year] = years.GetValueOrDefault(year) + set.CountIn(docs);
        }
    }

    public List<FacetResult> Facets() => FacetCatalogue.All.Select((facet, f) => FacetResults.Build(
        facet,
        counts[f].Select((count, id) => (dictionaries.Facets[f][id], count)),
        missing[f],
        query.Selected(facet.Name))).ToList();

    public List<FacetValue> EventYears()
    {
        var ranged = query.FromYear is not null || query.ToYear is not null;
        return years.Where(y => y.Value > 0).OrderBy(y => y.Key).Select(y =>
        {
            var text = y.Key.ToString(CultureInfo.InvariantCulture);
            return new FacetValue(text, text, y.Value, ranged && (query.FromYear ?? int.MinValue) <= y.Key && y.Key <= (query.ToYear ?? int.MaxValue));
        }).ToList();
    }
}

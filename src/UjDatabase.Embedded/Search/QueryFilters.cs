using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;

namespace UjDatabase.Embedded.Search;

/// <summary>
/// The selections of a <see cref="CaseQuery"/> as sets of one segment's documents, each kept apart so that every facet
/// can be counted under all selections but its own (drill-sideways): the measure (always applies), each selected facet,
/// the charge selection (crime and charge stage matched within one charge), and the event selection.
/// </summary>
internal sealed class QueryFilters
{
    private QueryFilters(SegmentView segment)
    {
        Segment = segment;
    }

    public SegmentView Segment { get; }

    /// <summary>Live documents for which the measure holds (the measure, like the text, is what is searched for).</summary>
    public ulong[] Base { get; private set; } = [];

    /// <summary>Per selected facet (other than crime and charge stage), its documents.</summary>
    public Dictionary<int, ulong[]> Facets { get; } = [];

    /// <summary>Documents with a charge matching the crime and stage selections together; null when neither is selected.</summary>
    public ulong[]? Charges { get; private set; }

    /// <summary>Documents with an event of the selected type in the selected years; null when no event filter.</summary>
    public ulong[]? Events { get; private set; }

    /// <summary>Everything but the text: what a document must be in to count as a result.</summary>
    public ulong[] All { get; private set; } = [];

    public static QueryFilters For(SegmentView segment, CaseQuery query, Dictionaries dictionaries, int currentYear, IReadOnlyCollection<MeasureInYear>? anyOf = null)
    {
        var columns = segment.Columns;
        var filters = new QueryFilters(segment);
        var maxDoc = columns.MaxDoc;
        filters.Base = Bits.Copy(segment.Live);
        if (query.Measure is { } measure && measure != Measure.Records)
        {
            Bits.And(filters.Base, MeasureDocs(columns, measure, query.Year, maxDoc, currentYear, dictionaries));
        }

        if (query.Group is { } group)
        {
            // Like the measure, the proceeding is what is searched for: it applies to every facet's count.
            Bits.And(filters.Base, GroupDocs(columns, dictionaries.Groups.Find(group), maxDoc));
        }

        if (anyOf is { Count: > 0 } && !anyOf.Any(m => m.Measure == Measure.Records))
        {
            var union = Bits.New(maxDoc);
            foreach (var (anyMeasure, year) in anyOf)
            {
                var docs = MeasureDocs(columns, anyMeasure, year, maxDoc, currentYear, dictionaries);
                for (var i = 0; i < union.Length; i++)
                {
                    union[i] |= docs[i];
                }
            }

            Bits.And(filters.Base, union);
        }

        var facets = FacetCatalogue.All;
        for (var f = 0; f < facets.Count; f++)
        {
            var selected = query.Selected(facets[f].Name);
            if (selected.Count == 0 || f == FacetIndex.Crime || f == FacetIndex.ChargeStage)
            {
                continue;
            }

            var docs = Bits.New(maxDoc);
            foreach (var value in selected)
            {
                if (value == FacetCatalogue.Missing)
                {
                    columns.Missing[f].OrInto(docs);
                }
                else if (dictionaries.Facets[f].Find(value) is { } id && columns.FacetSets[f].TryGetValue(id, out var set))
                {
                    set.OrInto(docs);
                }
            }

            filters.Facets[f] = docs;
        }

        var crimes = query.Selected(FacetCatalogue.Crime.Name);
        var stages = query.Selected(FacetCatalogue.ChargeStage.Name);
        if (crimes.Count > 0 || stages.Count > 0)
        {
            filters.Charges = ChargeDocs(columns, dictionaries, crimes, stages);
        }

        if (query.HasEventFilter)
        {
            filters.Events = EventDocs(columns, dictionaries, query);
        }

        filters.All = filters.Except(null);
        return filters;
    }

    /// <summary>Base and every selection but <paramref name="facet"/> (a facet index, or −1 for the events, −2 for the charges).</summary>
    public ulong[] Except(int? facet)
    {
        var docs = Bits.Copy(Base);
        foreach (var (f, set) in Facets)
        {
            if (f != facet)
            {
                Bits.And(docs, set);
            }
        }

        if (Charges is not null && facet != ChargeSelection)
        {
            Bits.And(docs, Charges);
        }

        if (Events is not null && facet != EventSelection)
        {
            Bits.And(docs, Events);
        }

        return docs;
    }

    public const int EventSelection = -1;

    public const int ChargeSelection = -2;

    /// <summary>Documents with a charge (crime, stage) among the selected pairs; an empty half of the selection means any.</summary>
    public static ulong[] ChargeDocs(SegmentColumns columns, Dictionaries dictionaries, IReadOnlyList<string> crimes, IReadOnlyList<string> stages)
    {
        var docs = Bits.New(columns.MaxDoc);
        var crimeIds = crimes.Where(c => c != FacetCatalogue.Missing).Select(c => dictionaries.Crimes.Find(c)).ToList();
        var stageIds = stages.Where(s => s != FacetCatalogue.Missing).Select(s => dictionaries.Stages.Find(s)).ToList();
        var wantPairs = crimes.Count == 0 || crimeIds.Count > 0;
        wantPairs &= stages.Count == 0 || stageIds.Count > 0;
        if (wantPairs)
        {
            foreach (var ((crime, stage), set) in columns.ChargeSets)
            {
                if ((crimes.Count == 0 || crimeIds.Contains(crime)) && (stages.Count == 0 || stageIds.Contains(stage)))
                {
                    set.OrInto(docs);
                }
            }
        }

        // "Not recorded" in either half selects the records with no charge at all; a half that selects only "not
        // recorded" lets no charge match (wantPairs above).
        if (crimes.Contains(FacetCatalogue.Missing) || stages.Contains(FacetCatalogue.Missing))
        {
            columns.Missing[FacetIndex.Crime].OrInto(docs);
        }

        return docs;
    }

    private static ulong[] EventDocs(SegmentColumns columns, Dictionaries dictionaries, CaseQuery query)
    {
        var docs = Bits.New(columns.MaxDoc);
        var from = query.FromYear ?? int.MinValue;
        var to = query.ToYear ?? int.MaxValue;
        if (query.EventType is { } type)
        {
            if (dictionaries.EventTypes.Find(type) is not { } typeId)
            {
                return docs;
            }

            foreach (var ((t, year), set) in columns.TypeYearSets)
            {
                if (t == typeId && year >= from && year <= to)
                {
                    set.OrInto(docs);
                }
            }

            return docs;
        }

        foreach (var (year, set) in columns.YearSets)
        {
            if (year >= from && year <= to)
            {
                set.OrInto(docs);
            }
        }

        return docs;
    }

    /// <summary>The documents of one case group (none when no document has it): one walk over the segment's group column.</summary>
    private static ulong[] GroupDocs(SegmentColumns columns, int? group, int maxDoc)
    {
        var docs = Bits.New(maxDoc);
        if (group is { } id)
        {
            for (var doc = 0; doc < maxDoc; doc++)
            {
                if (columns.Groups[doc] == id)
                {
                    Bits.Set(docs, doc);
                }
            }
        }

        return docs;
    }

    private static ulong[] MeasureDocs(SegmentColumns columns, Measure measure, int? year, int maxDoc, int currentYear, Dictionaries dictionaries)
    {
        var docs = Bits.New(maxDoc);
        if (measure == Measure.Records)
        {
            return Bits.All(maxDoc);
        }

        var sets = columns.MeasureSetsOf(measure, currentYear, dictionaries);
        var set = year is { } y ? sets.ByYear.GetValueOrDefault(y) : sets.Any;
        set?.OrInto(docs);
        return docs;
    }
}

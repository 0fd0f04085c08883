using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Util;
using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;

namespace UjDatabase.Embedded.Search;

/// <summary>Gives the distinct values of one kind small integer ids, the same in every segment; safe across threads.</summary>
internal sealed class ValueDictionary
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly List<string> values = [];
    private readonly Lock guard = new();

    public int Count
    {
        get
        {
            lock (guard)
            {
                return values.Count;
            }
        }
    }

    public int IdOf(string value)
    {
        lock (guard)
        {
            if (!ids.TryGetValue(value, out var id))
            {
                id = values.Count;
                ids[value] = id;
                values.Add(value);
            }

            return id;
        }
    }

    public int? Find(string value)
    {
        lock (guard)
        {
            return ids.TryGetValue(value, out var id) ? id : null;
        }
    }

    public string this[int id]
    {
        get
        {
            lock (guard)
            {
                return values[id];
            }
        }
    }
}

/// <summary>The value dictionaries every segment shares: one per facet, and for event types, outcomes and case groups.</summary>
internal sealed class Dictionaries
{
    public ValueDictionary[] Facets { get; } = FacetCatalogue.All.Select(_ => new ValueDictionary()).ToArray();

    public ValueDictionary EventTypes { get; } = new();

    public ValueDictionary Outcomes { get; } = new();

    public ValueDictionary Groups { get; } = new();

    /// <summary>The (crime, stage, topic) triples of charges that name a topic, as written in the index.</summary>
    public ValueDictionary ChargeTopics { get; } = new();

    public ValueDictionary Crimes => Facets[FacetIndex.Crime];

    public ValueDictionary Stages => Facets[FacetIndex.ChargeStage];
}

/// <summary>Where each facet sits in <see cref="FacetCatalogue.All"/>.</summary>
internal static class FacetIndex
{
    public static int Crime => Of(FacetCatalogue.Crime);

    public static int ChargeStage => Of(FacetCatalogue.ChargeStage);

    private static readonly Dictionary<FacetDefinition, int> Positions = FacetCatalogue.All.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i);

    public static int Of(FacetDefinition facet) => Positions[facet];
}

/// <summary>Values per document, as offsets into one array of value ids (a document's values are values[offsets[d]..offsets[d+1]]).</summary>
internal sealed class MultiColumn(int[] offsets, int[] values)
{
    public int[] Offsets { get; } = offsets;

    public int[] Values { get; } = values;

    public ReadOnlySpan<int> Of(int doc) => Values.AsSpan(Offsets[doc], Offsets[doc + 1] - Offsets[doc]);
}

/// <summary>
/// One segment's documents as in-memory columns, loaded from its doc values when the segment is first seen and kept
/// while it lives (Lucene never changes a segment, only its deletions): per-document value ids for every facet, the
/// charge pairs and events, the case group, sort keys and orders, and per value the set of documents that have it.
/// Filtering and drill-sideways counting run over these instead of Lucene queries.
/// </summary>
internal sealed class SegmentColumns
{
    /// <summary>Sorting keys leave room for dates up to the year 9999.</summary>
    private const long MaxDate = 99_999_999;

    private readonly Lock measuring = new();
    private (int Year, Dictionary<Measure, MeasureSets> Sets) measures = (0, []);

    private SegmentColumns(int maxDoc)
    {
        MaxDoc = maxDoc;
    }

    public int MaxDoc { get; }

    public MultiColumn[] Facets { get; private set; } = [];

    /// <summary>Per facet, per value id, the documents with that value.</summary>
    public Dictionary<int, DocSet>[] FacetSets { get; private set; } = [];

    /// <summary>Per facet, the documents with no value (the "Not recorded" bucket).</summary>
    public DocSet[] Missing { get; private set; } = [];

    /// <summary>Charges as (crime id, stage id) pairs, and per pair the documents with such a charge.</summary>
    public MultiColumn ChargeCrimes { get; private set; } = null!;

    public MultiColumn ChargeStages { get; private set; } = null!;

    /// <summary>Per document, the ids of its charges' topic triples (<see cref="Dictionaries.ChargeTopics"/>).</summary>
    public MultiColumn ChargeTopics { get; private set; } = null!;

    public Dictionary<(int Crime, int Stage), DocSet> ChargeSets { get; } = [];

    /// <summary>Events as (type id, year, outcome id or −1), and per year (any type) and per type and year the documents with one.</summary>
    public MultiColumn EventTypes { get; private set; } = null!;

    public int[] EventYears { get; private set; } = [];

    public int[] EventOutcomes { get; private set; } = [];

    public Dictionary<int, DocSet> YearSets { get; } = [];

    public Dictionary<(int Type, int Year), DocSet> TypeYearSets { get; } = [];

    /// <summary>The case group id of each document, or −1.</summary>
    public int[] Groups { get; private set; } = [];

    public int[] IdOrds { get; private set; } = [];

    public string[] SortNames { get; private set; } = [];

    public int[] NameOrds { get; private set; } = [];

    public int[] SortDates { get; private set; } = [];

    public int[] UpdatedDates { get; private set; } = [];

    /// <summary>The documents by name; by latest development, newest first; by the day last checked, newest first.</summary>
    public int[] ByName { get; private set; } = [];

    public int[] ByDate { get; private set; } = [];

    public int[] ByUpdated { get; private set; } = [];

    /// <summary>Each document's place in <see cref="ByName"/>, <see cref="ByDate"/> and <see cref="ByUpdated"/>.</summary>
    public int[] NameRank { get; private set; } = [];

    public int[] DateRank { get; private set; } = [];

    public int[] UpdatedRank { get; private set; } = [];

    public static SegmentColumns Load(AtomicReader reader, Dictionaries dictionaries)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(dictionaries);
        var maxDoc = reader.MaxDoc;
        var columns = new SegmentColumns(maxDoc);
        var facets = FacetCatalogue.All;
        columns.Facets = new MultiColumn[facets.Count];
        columns.FacetSets = new Dictionary<int, DocSet>[facets.Count];
        columns.Missing = new DocSet[facets.Count];
        for (var f = 0; f < facets.Count; f++)
        {
            var dictionary = dictionaries.Facets[f];
            columns.Facets[f] = LoadMulti(reader, IndexSchema.FacetField(facets[f]), maxDoc, bytes => dictionary.IdOf(bytes));
            (columns.FacetSets[f], columns.Missing[f]) = Sets(columns.Facets[f], maxDoc);
        }

        LoadCharges(reader, dictionaries, columns);
        columns.ChargeTopics = LoadMulti(reader, IndexSchema.ChargeTopic, maxDoc, dictionaries.ChargeTopics.IdOf);
        LoadEvents(reader, dictionaries, columns);

        var groups = reader.GetSortedDocValues(IndexSchema.Group);
        columns.Groups = new int[maxDoc];
        var groupIds = new int[groups?.ValueCount ?? 0];
        var scratch = new BytesRef();
        for (var ord = 0; ord < groupIds.Length; ord++)
        {
            groups!.LookupOrd(ord, scratch);
            groupIds[ord] = dictionaries.Groups.IdOf(scratch.Utf8ToString());
        }

        for (var doc = 0; doc < maxDoc; doc++)
        {
            var ord = groups?.GetOrd(doc) ?? -1;
            columns.Groups[doc] = ord < 0 ? -1 : groupIds[ord];
        }

        var ids = reader.GetSortedDocValues(IndexSchema.Id);
        var names = reader.GetSortedDocValues(IndexSchema.SortName);
        var dates = reader.GetNumericDocValues(IndexSchema.SortDate);
        var updated = reader.GetNumericDocValues(IndexSchema.Updated);
        columns.IdOrds = new int[maxDoc];
        columns.NameOrds = new int[maxDoc];
        columns.SortDates = new int[maxDoc];
        columns.UpdatedDates = new int[maxDoc];
        columns.SortNames = new string[names?.ValueCount ?? 0];
        for (var ord = 0; ord < columns.SortNames.Length; ord++)
        {
            names!.LookupOrd(ord, scratch);
            columns.SortNames[ord] = scratch.Utf8ToString();
        }

        for (var doc = 0; doc < maxDoc; doc++)
        {
            columns.IdOrds[doc] = ids?.GetOrd(doc) ?? 0;
            columns.NameOrds[doc] = Math.Max(0, names?.GetOrd(doc) ?? 0);
            columns.SortDates[doc] = (int)(dates?.Get(doc) ?? 0);
            columns.UpdatedDates[doc] = (int)(updated?.Get(doc) ?? 0);
        }

        columns.SortOrders();
        return columns;
    }

    /// <summary>The document's id (its record's slug).</summary>
    public static string IdOf(AtomicReader reader, int doc)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var scratch = new BytesRef();
        reader.GetSortedDocValues(IndexSchema.Id).Get(doc, scratch);
        return scratch.Utf8ToString();
    }

    private void SortOrders()
    {
        // Within a segment the doc values' ordinals already sort names and ids; one sort of number keys gives each order.
        var docs = Enumerable.Range(0, MaxDoc).ToArray();
        var nameKeys = new long[MaxDoc];
        for (var doc = 0; doc < MaxDoc; doc++)
        {
            nameKeys[doc] = ((long)NameOrds[doc] << 32) | (uint)IdOrds[doc];
        }

        ByName = (int[])docs.Clone();
        Array.Sort((long[])nameKeys.Clone(), ByName);
        var nameRank = NameRank = Ranks(ByName);

        var dateKeys = new long[MaxDoc];
        for (var doc = 0; doc < MaxDoc; doc++)
        {
            dateKeys[doc] = ((MaxDate - SortDates[doc]) * MaxDoc) + nameRank[doc];
        }

        ByDate = (int[])docs.Clone();
        Array.Sort(dateKeys, ByDate);
        var dateRank = DateRank = Ranks(ByDate);

        var updatedKeys = new long[MaxDoc];
        for (var doc = 0; doc < MaxDoc; doc++)
        {
            updatedKeys[doc] = ((MaxDate - UpdatedDates[doc]) * MaxDoc) + dateRank[doc];
        }

        ByUpdated = (int[])docs.Clone();
        Array.Sort(updatedKeys, ByUpdated);
        UpdatedRank = Ranks(ByUpdated);
    }

    private static int[] Ranks(int[] order)
    {
        var ranks = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            ranks[order[i]] = i;
        }

        return ranks;
    }

    private static MultiColumn LoadMulti(AtomicReader reader, string field, int maxDoc, Func<string, int> idOf)
    {
        var values = reader.GetSortedSetDocValues(field);
        var offsets = new int[maxDoc + 1];
        if (values is null)
        {
            return new MultiColumn(offsets, []);
        }

        var ordIds = new int[values.ValueCount];
        var scratch = new BytesRef();
        for (var ord = 0; ord < ordIds.Length; ord++)
        {
            values.LookupOrd(ord, scratch);
            ordIds[ord] = idOf(scratch.Utf8ToString());
        }

        var ids = new List<int>(maxDoc);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            offsets[doc] = ids.Count;
            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
            {
                ids.Add(ordIds[ord]);
            }
        }

        offsets[maxDoc] = ids.Count;
        return new MultiColumn(offsets, [.. ids]);
    }

    private static (Dictionary<int, DocSet> Sets, DocSet Missing) Sets(MultiColumn column, int maxDoc)
    {
        var docsByValue = new Dictionary<int, List<int>>();
        var missing = new List<int>();
        for (var doc = 0; doc < maxDoc; doc++)
        {
            var values = column.Of(doc);
            if (values.IsEmpty)
            {
                missing.Add(doc);
            }

            foreach (var value in values)
            {
                if (!docsByValue.TryGetValue(value, out var docs))
                {
                    docsByValue[value] = docs = [];
                }

                docs.Add(doc);
            }
        }

        return (docsByValue.ToDictionary(v => v.Key, v => DocSet.From(v.Value, maxDoc)), DocSet.From(missing, maxDoc));
    }

    private static void LoadCharges(AtomicReader reader, Dictionaries dictionaries, SegmentColumns columns)
    {
        var pairs = new List<(int Crime, int Stage)>();
        var crimes = LoadMulti(reader, IndexSchema.Charge, columns.MaxDoc, value =>
        {
            var parts = value.Split(IndexSchema.Separator);
            pairs.Add((dictionaries.Crimes.IdOf(parts[0]), dictionaries.Stages.IdOf(parts[1])));
            return pairs.Count - 1;
        });

        // The column holds pair numbers; split them into a crime column and a stage column.
        columns.ChargeCrimes = new MultiColumn(crimes.Offsets, crimes.Values.Select(p => pairs[p].Crime).ToArray());
        columns.ChargeStages = new MultiColumn(crimes.Offsets, crimes.Values.Select(p => pairs[p].Stage).ToArray());
        var docsByPair = new Dictionary<(int, int), List<int>>();
        for (var doc = 0; doc < columns.MaxDoc; doc++)
        {
            var docCrimes = columns.ChargeCrimes.Of(doc);
            var docStages = columns.ChargeStages.Of(doc);
            for (var i = 0; i < docCrimes.Length; i++)
            {
                var key = (docCrimes[i], docStages[i]);
                if (!docsByPair.TryGetValue(key, out var docs))
                {
                    docsByPair[key] = docs = [];
                }

                docs.Add(doc);
            }
        }

        foreach (var (pair, docs) in docsByPair)
        {
            columns.ChargeSets[pair] = DocSet.From(docs, columns.MaxDoc);
        }
    }

    private static void LoadEvents(AtomicReader reader, Dictionaries dictionaries, SegmentColumns columns)
    {
        var facts = new List<(int Type, int Year, int Outcome)>();
        var events = LoadMulti(reader, IndexSchema.Event, columns.MaxDoc, value =>
        {
            var parts = value.Split(IndexSchema.Separator);
            facts.Add((dictionaries.EventTypes.IdOf(parts[0]), int.Parse(parts[1], CultureInfo.InvariantCulture), parts[2].Length == 0 ? -1 : dictionaries.Outcomes.IdOf(parts[2])));
            return facts.Count - 1;
        });
        columns.EventTypes = new MultiColumn(events.Offsets, events.Values.Select(e => facts[e].Type).ToArray());
        columns.EventYears = events.Values.Select(e => facts[e].Year).ToArray();
        columns.EventOutcomes = events.Values.Select(e => facts[e].Outcome).ToArray();

        var byYear = new Dictionary<int, List<int>>();
        var byTypeYear = new Dictionary<(int, int), List<int>>();
        for (var doc = 0; doc < columns.MaxDoc; doc++)
        {
            var seenYears = new HashSet<int>();
            var seenTypeYears = new HashSet<(int, int)>();
            for (var e = events.Offsets[doc]; e < events.Offsets[doc + 1]; e++)
            {
                var (type, year) = (columns.EventTypes.Values[e], columns.EventYears[e]);
                if (seenYears.Add(year))
                {
                    Add(byYear, year, doc);
                }

                if (seenTypeYears.Add((type, year)))
                {
                    Add(byTypeYear, (type, year), doc);
                }
            }
        }

        foreach (var (year, docs) in byYear)
        {
            columns.YearSets[year] = DocSet.From(docs, columns.MaxDoc);
        }

        foreach (var (key, docs) in byTypeYear)
        {
            columns.TypeYearSets[key] = DocSet.From(docs, columns.MaxDoc);
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<int>> map, TKey key, int doc)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var docs))
        {
            map[key] = docs = [];
        }

        docs.Add(doc);
    }

    /// <summary>A document's events as the counting rules read them.</summary>
    public void EventFacts(int doc, Dictionaries dictionaries, List<EventFact> into)
    {
        into.Clear();
        for (var e = EventTypes.Offsets[doc]; e < EventTypes.Offsets[doc + 1]; e++)
        {
            into.Add(new EventFact(dictionaries.EventTypes[EventTypes.Values[e]], EventYears[e], EventOutcomes[e] < 0 ? null : dictionaries.Outcomes[EventOutcomes[e]]));
        }
    }

    /// <summary>
    /// The documents for which a measure holds, per year and in any year, worked out on first use (and again when the
    /// year changes, since a trial with no verdict counts up to the current year).
    /// </summary>
    public MeasureSets MeasureSetsOf(Measure measure, int currentYear, Dictionaries dictionaries)
    {
        lock (measuring)
        {
            if (measures.Year != currentYear)
            {
                measures = (currentYear, []);
            }

            if (measures.Sets.TryGetValue(measure, out var known))
            {
                return known;
            }

            var byYear = new Dictionary<int, List<int>>();
            var any = new List<int>();
            var facts = new List<EventFact>();
            for (var doc = 0; doc < MaxDoc; doc++)
            {
                EventFacts(doc, dictionaries, facts);
                var counted = false;
                foreach (var year in MeasureRules.YearsOf(facts, measure, currentYear))
                {
                    Add(byYear, year, doc);
                    counted = true;
                }

                if (counted)
                {
                    any.Add(doc);
                }
            }

            var sets = new MeasureSets(byYear.ToDictionary(y => y.Key, y => DocSet.From(y.Value, MaxDoc)), DocSet.From(any, MaxDoc));
            measures.Sets[measure] = sets;
            return sets;
        }
    }
}

/// <summary>The documents of a segment for which a measure holds, per year and in any year.</summary>
internal sealed record MeasureSets(Dictionary<int, DocSet> ByYear, DocSet Any);

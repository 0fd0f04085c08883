using Dapper;
using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;

namespace UjDatabase.Embedded.Search;

/// <summary>
/// The published documents of the index as compact in-memory columns: facet value ids in CSR arrays, charge pairs,
/// event (type, year) pairs, sort keys and the fuzzy name index. Filtering and drill-sideways counting run over these
/// arrays instead of SQL <c>GROUP BY</c>, which keeps every count exact and fast at scale.
/// </summary>
internal sealed class FacetSnapshot
{
    private FacetSnapshot(long generation, int count)
    {
        Generation = generation;
        Pks = new long[count];
        Ids = new string[count];
        SortNames = new string[count];
        SortDates = new string?[count];
        Columns = FacetCatalogue.All.Select(_ => new FacetColumn(count)).ToArray();
        Charges = new PairColumn(count);
        Events = new PairColumn(count);
        EventFacts = new EventFact[count][];
    }

    public long Generation { get; }

    public int Count => Pks.Length;

    public long[] Pks { get; }

    public string[] Ids { get; }

    public string[] SortNames { get; }

    public string?[] SortDates { get; }

    /// <summary>One column per facet, in <see cref="FacetCatalogue.All"/> order.</summary>
    public FacetColumn[] Columns { get; }

    /// <summary>(crime id, stage id) per charge, ids of the crime and charge_stage columns.</summary>
    public PairColumn Charges { get; }

    /// <summary>
    /// (event type id, year) per event, in flat arrays: the event filter and the year histogram read these for every
    /// document on every query. It is derived from <see cref="EventFacts"/>, deliberately: reading the facts instead
    /// doubled the 6-filter benchmark (6.7 → 13.2 ms median) and slowed the baseline (24.9 → 28.7 ms).
    /// </summary>
    public PairColumn Events { get; }

    public ValueDictionary EventTypes { get; } = new();

    /// <summary>Each document's events as the counting rules read them.</summary>
    public EventFact[][] EventFacts { get; }

    public Dictionary<long, int> IndexByPk { get; } = [];

    public NameMatcher Names { get; } = new();

    /// <summary>Each document's position when sorted by latest event (newest first, undated last), then name and id.</summary>
    public int[] DateRank { get; private set; } = [];

    /// <summary>Each document's position when sorted by name, then id.</summary>
    public int[] NameRank { get; private set; } = [];

    private static int[] Ranks(IEnumerable<int> order)
    {
        var ranks = new int[order.Count()];
        var position = 0;
        foreach (var document in order)
        {
            ranks[document] = position++;
        }

        return ranks;
    }

    public static FacetSnapshot Load(SqliteDatabase database)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        var generation = connection.ExecuteScalar<long>("SELECT value FROM search_state WHERE name = 'generation'", transaction: transaction);
        var count = connection.ExecuteScalar<int>("SELECT COUNT(*) FROM search_docs WHERE published = 1", transaction: transaction);
        var snapshot = new FacetSnapshot(generation, count);
        var crimeColumn = Array.IndexOf(FacetCatalogue.All.ToArray(), FacetCatalogue.Crime);
        var stageColumn = Array.IndexOf(FacetCatalogue.All.ToArray(), FacetCatalogue.ChargeStage);
        var facetIndex = FacetCatalogue.All.Select((f, i) => (f.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);

        var i = 0;
        foreach (var row in connection.Query<(long Pk, string CaseId, string Facets, string Charges, string Events, string Names, string SortName, string? SortDate)>(
            "SELECT pk, case_id, facets, charges, events, names, sort_name, sort_date FROM search_docs WHERE published = 1 ORDER BY pk",
            transaction: transaction, buffered: false))
        {
            if (i == count)
            {
                break;
            }

            snapshot.Pks[i] = row.Pk;
            snapshot.Ids[i] = row.CaseId;
            snapshot.SortNames[i] = row.SortName;
            snapshot.SortDates[i] = row.SortDate;
            snapshot.IndexByPk[row.Pk] = i;

            var values = new List<string>[snapshot.Columns.Length];
            foreach (var part in row.Facets.Split(';'))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0 && facetIndex.TryGetValue(part[..equals], out var column))
                {
                    values[column] = part[(equals + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
                }
            }

            for (var c = 0; c < snapshot.Columns.Length; c++)
            {
                snapshot.Columns[c].Add(values[c] ?? []);
            }

            snapshot.Charges.Add(row.Charges.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
            {
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                return (snapshot.Columns[crimeColumn].Dictionary.IdOf(pair[..colon]), snapshot.Columns[stageColumn].Dictionary.IdOf(pair[(colon + 1)..]));
            }));
            snapshot.EventFacts[i] = row.Events.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(triple =>
            {
                var parts = triple.Split(':');
                return new EventFact(parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), parts.Length > 2 && parts[2].Length > 0 ? parts[2] : null);
            }).ToArray();
            snapshot.Events.Add(snapshot.EventFacts[i].Select(e => (snapshot.EventTypes.IdOf(e.Type), e.Year)));
            snapshot.Names.Add(row.Pk, row.Names.Split('\n'));
            i++;
        }

        // Sorting once per load turns every later sort into a sort of integers.
        var all = Enumerable.Range(0, snapshot.Count).ToArray();
        snapshot.NameRank = Ranks(all.OrderBy(d => snapshot.SortNames[d], StringComparer.Ordinal).ThenBy(d => snapshot.Ids[d], StringComparer.Ordinal));
        snapshot.DateRank = Ranks(all.OrderBy(d => snapshot.SortDates[d] is null)
            .ThenByDescending(d => snapshot.SortDates[d], StringComparer.Ordinal)
            .ThenBy(d => snapshot.SortNames[d], StringComparer.Ordinal)
            .ThenBy(d => snapshot.Ids[d], StringComparer.Ordinal));
        return snapshot;
    }
}

/// <summary>Maps the distinct values of a column to small integer ids.</summary>
internal sealed class ValueDictionary
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);

    public List<string> Values { get; } = [];

    public int IdOf(string value)
    {
        if (!ids.TryGetValue(value, out var id))
        {
            id = Values.Count;
            ids[value] = id;
            Values.Add(value);
        }

        return id;
    }

    public int? Find(string value) => ids.TryGetValue(value, out var id) ? id : null;
}

/// <summary>The values of one facet for every document, as offsets into one array of value ids.</summary>
internal sealed class FacetColumn(int capacity)
{
    private readonly List<int> values = new(capacity);

    public ValueDictionary Dictionary { get; } = new();

    public List<int> Offsets { get; } = new(capacity + 1) { 0 };

    public List<int> Values => values;

    public void Add(IEnumerable<string> documentValues)
    {
        foreach (var value in documentValues)
        {
            values.Add(Dictionary.IdOf(value));
        }

        Offsets.Add(values.Count);
    }
}

/// <summary>Pairs of ids per document (charges: crime and stage; events: type and year).</summary>
internal sealed class PairColumn(int capacity)
{
    public List<int> Offsets { get; } = new(capacity + 1) { 0 };

    public List<int> First { get; } = [];

    public List<int> Second { get; } = [];

    public void Add(IEnumerable<(int First, int Second)> pairs)
    {
        foreach (var (first, second) in pairs)
        {
            First.Add(first);
            Second.Add(second);
        }

        Offsets.Add(First.Count);
    }
}

using System.Net;
using System.Runtime.CompilerServices;
using Dapper;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;
using UjDatabase.Core.Vocabularies;

namespace UjDatabase.Embedded.Search;

/// <summary>
/// The embedded search engine: FTS5 (bm25, names weighted highest) finds text, a name index forgives typos and
/// transliterations, and in-memory columns filter and count facets drill-sideways.
/// </summary>
public sealed class SqliteSearchEngine(SqliteDatabase database, SqliteCaseStore store, TimeProvider? clock = null) : ISearchEngine
{
    // bm25 column weights: names, position, court, situation, summary, events.
    private const string Rank = "bm25(search_fts, 10.0, 3.0, 3.0, 2.0, 1.0, 1.0)";
    private const char MarkStart = '\u0001';
    private const char MarkEnd = '\u0002';

    private readonly Lock reloadLock = new();
    private FacetSnapshot? snapshot;

    public async Task<SearchResult> SearchAsync(CaseQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var docs = CurrentSnapshot();
        var text = QueryText.Parse(query.Text);
        var matches = text.IsEmpty ? null : MatchText(docs, text);
        var counting = new FacetCounter(docs, query, CurrentYear);
        var results = counting.Run(matches?.Keys);
        var ordered = Order(docs, results, matches, query.Sort);

        var page = ordered.Skip((query.Page - 1) * query.Size).Take(query.Size).ToList();
        var records = await store.GetManyAsync(page.Select(i => docs.Ids[i]).ToList(), cancellationToken);
        var snippets = text.IsEmpty ? [] : Snippets(page.Where(i => !matches![i].Fuzzy).Select(i => docs.Pks[i]).ToList(), text);
        var hits = records.Select((record, n) =>
        {
            var i = page[n];
            var fuzzy = matches is not null && matches[i].Fuzzy;
            var highlights = fuzzy ? [NameHighlight(record, text)]
                : snippets.TryGetValue(docs.Pks[i], out var snippet) ? [snippet] : Array.Empty<string>();
            return new SearchHit(record, highlights, fuzzy);
        }).ToList();

        return new SearchResult(results.Count, hits, counting.Facets(), counting.EventYears(), text.Notice);
    }

    public async IAsyncEnumerable<CaseRecord> StreamAsync(CaseQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var docs = CurrentSnapshot();
        var text = QueryText.Parse(query.Text);
        var matches = text.IsEmpty ? null : MatchText(docs, text);
        var results = new FacetCounter(docs, query, CurrentYear).Run(matches?.Keys);
        foreach (var chunk in Order(docs, results, matches, query.Sort).Chunk(200))
        {
            foreach (var record in await store.GetManyAsync(chunk.Select(i => docs.Ids[i]).ToList(), cancellationToken))
            {
                yield return record;
            }
        }
    }

    private int CurrentYear => (clock ?? TimeProvider.System).GetUtcNow().Year;

    private FacetSnapshot CurrentSnapshot()
    {
        long generation;
        using (var connection = database.Open())
        {
            generation = connection.ExecuteScalar<long>("SELECT value FROM search_state WHERE name = 'generation'");
        }

        var current = snapshot;
        if (current is not null && current.Generation == generation)
        {
            return current;
        }

        lock (reloadLock)
        {
            if (snapshot is null || snapshot.Generation != generation)
            {
                snapshot = FacetSnapshot.Load(database);
            }

            return snapshot;
        }
    }

    /// <summary>A text match: whether the words stood together, its score (lower is better), and whether it came only from the fuzzy name index.</summary>
    private readonly record struct TextMatch(bool Adjacent, double Score, bool Fuzzy);

    private Dictionary<int, TextMatch> MatchText(FacetSnapshot docs, QueryText text)
    {
        using var connection = database.Open();
        var matches = new Dictionary<int, TextMatch>();
        foreach (var (pk, rank) in connection.Query<(long, double)>($"SELECT rowid, {Rank} FROM search_fts WHERE search_fts MATCH @match", new { match = FtsExpression(text.Terms) }))
        {
            if (docs.IndexByPk.TryGetValue(pk, out var i))
            {
                matches[i] = new TextMatch(false, rank, Fuzzy: false);
            }
        }

        // bm25 ignores proximity, so records where several words stand together as typed go first.
        var words = text.Terms.Where(t => t.Kind != TermKind.Prefix).SelectMany(t => t.Tokens).ToList();
        if (text.Terms.Count > 1 && words.Count > 1)
        {
            var phrase = new QueryTerm(TermKind.Phrase, words);
            foreach (var pk in connection.Query<long>("SELECT rowid FROM search_fts WHERE search_fts MATCH @match", new { match = FtsExpression([phrase]) }))
            {
                if (docs.IndexByPk.TryGetValue(pk, out var i) && matches.TryGetValue(i, out var match))
                {
                    matches[i] = match with { Adjacent = true };
                }
            }
        }

        // Names misspelt or transliterated differently: each term must match, exactly anywhere or fuzzily in a name.
        var fuzzy = text.Terms.Select(t => t.Kind == TermKind.Word ? docs.Names.Match(t.Tokens[0]) : []).ToList();
        if (!fuzzy.Any(f => f.Keys.Any(pk => docs.IndexByPk.TryGetValue(pk, out var i) && !matches.ContainsKey(i))))
        {
            return matches;
        }

        Dictionary<long, int>? candidates = null;
        for (var t = 0; t < text.Terms.Count; t++)
        {
            var term = new Dictionary<long, int>(fuzzy[t]);
            foreach (var pk in connection.Query<long>("SELECT rowid FROM search_fts WHERE search_fts MATCH @match", new { match = FtsExpression([text.Terms[t]]) }))
            {
                term[pk] = 0;
            }

            candidates = candidates is null
                ? term
                : candidates.Where(c => term.ContainsKey(c.Key)).ToDictionary(c => c.Key, c => c.Value + term[c.Key]);
        }

        foreach (var (pk, distance) in candidates!)
        {
            if (docs.IndexByPk.TryGetValue(pk, out var i) && !matches.ContainsKey(i))
            {
                matches[i] = new TextMatch(false, distance, Fuzzy: true);
            }
        }

        return matches;
    }

    /// <summary>An FTS5 expression in which every token is quoted, so nothing a user types is read as FTS syntax.</summary>
    private static string FtsExpression(IEnumerable<QueryTerm> terms) => string.Join(' ', terms.Select(t => t.Kind switch
    {
        TermKind.Prefix => $"\"{t.Text}\"*",
        _ => $"\"{t.Text}\"",
    }));

    private static List<int> Order(FacetSnapshot docs, List<int> results, Dictionary<int, TextMatch>? matches, SortOrder sort)
    {
        if (sort == SortOrder.Relevance && matches is not null)
        {
            return results.OrderBy(i => matches[i].Fuzzy).ThenByDescending(i => matches[i].Adjacent)
                .ThenBy(i => matches[i].Score).ThenBy(i => docs.NameRank[i]).ToList();
        }

        var ranks = sort == SortOrder.Name ? docs.NameRank : docs.DateRank;
        var keys = results.Select(i => ranks[i]).ToArray();
        var ordered = results.ToArray();
        Array.Sort(keys, ordered);
        return [.. ordered];
    }

    private Dictionary<long, string> Snippets(List<long> pks, QueryText text)
    {
        if (pks.Count == 0)
        {
            return [];
        }

        using var connection = database.Open();
        return connection.Query<(long Pk, string Snippet)>(
                $"SELECT rowid, snippet(search_fts, -1, char(1), char(2), '…', 24) FROM search_fts WHERE search_fts MATCH @match AND rowid IN @pks",
                new { match = FtsExpression(text.Terms), pks })
            .ToDictionary(r => r.Pk, r => Mark(r.Snippet));
    }

    /// <summary>HTML-encodes a snippet, then turns the match markers into <c>&lt;mark&gt;</c> elements.</summary>
    private static string Mark(string snippet) =>
        WebUtility.HtmlEncode(snippet.Replace(" \n ", " · ", StringComparison.Ordinal))
            .Replace(MarkStart.ToString(), "<mark>", StringComparison.Ordinal)
            .Replace(MarkEnd.ToString(), "</mark>", StringComparison.Ordinal);

    /// <summary>For a fuzzy name match, the first of the accused's names with a word close to a query word, that word marked.</summary>
    private static string NameHighlight(CaseRecord record, QueryText text)
    {
        var skeletons = text.Terms.SelectMany(t => t.Tokens).Select(NameMatcher.Skeleton).Where(s => NameMatcher.Tolerance(s.Length) >= 0).ToList();
        bool Close(string word) => QueryText.Tokenize(word).Any(token =>
        {
            var skeleton = NameMatcher.Skeleton(token);
            return skeletons.Any(s => NameMatcher.Distance(s, skeleton, NameMatcher.Tolerance(s.Length)) <= NameMatcher.Tolerance(s.Length));
        });

        var names = new[] { record.Accused.Name, record.Accused.PublishedName }.Concat(record.Accused.Aliases).OfType<string>().ToList();
        var name = names.FirstOrDefault(n => n.Split(' ').Any(Close)) ?? record.DisplayName;
        return string.Join(' ', name.Split(' ').Select(word => Close(word) ? $"<mark>{WebUtility.HtmlEncode(word)}</mark>" : WebUtility.HtmlEncode(word)));
    }

    /// <summary>Filters documents by a query and counts every facet under every selection but its own.</summary>
    private sealed class FacetCounter
    {
        private const int EventFilter = -1;
        private readonly FacetSnapshot docs;
        private readonly CaseQuery query;
        private readonly int crime = Index(FacetCatalogue.Crime);
        private readonly int chargeStage = Index(FacetCatalogue.ChargeStage);
        private readonly bool[]?[] selected;
        private readonly bool[] missingSelected;
        private readonly long[][] counts;
        private readonly long[] missingCounts;
        private readonly Dictionary<int, long> years = [];
        private readonly int? eventType;
        private readonly bool eventTypeUnknown;

        private readonly int currentYear;

        public FacetCounter(FacetSnapshot docs, CaseQuery query, int currentYear)
        {
            this.docs = docs;
            this.query = query;
            this.currentYear = currentYear;
            var facets = FacetCatalogue.All;
            selected = new bool[]?[facets.Count];
            missingSelected = new bool[facets.Count];
            counts = new long[facets.Count][];
            missingCounts = new long[facets.Count];
            for (var f = 0; f < facets.Count; f++)
            {
                var dictionary = docs.Columns[f].Dictionary;
                counts[f] = new long[dictionary.Values.Count];
                var values = query.Selected(facets[f].Name);
                if (values.Count == 0)
                {
                    continue;
                }

                selected[f] = new bool[dictionary.Values.Count];
                foreach (var value in values)
                {
                    if (value == FacetCatalogue.Missing)
                    {
                        missingSelected[f] = true;
                    }
                    else if (dictionary.Find(value) is { } id)
                    {
                        selected[f]![id] = true;
                    }
                }
            }

            if (query.EventType is not null)
            {
                eventType = docs.EventTypes.Find(query.EventType);
                eventTypeUnknown = eventType is null;
            }
        }

        private static int Index(FacetDefinition facet) => FacetCatalogue.All.ToList().IndexOf(facet);

        /// <summary>Returns the documents matching every filter, counting facets as it goes.</summary>
        public List<int> Run(IEnumerable<int>? candidates)
        {
            var results = new List<int>();
            foreach (var i in candidates ?? Enumerable.Range(0, docs.Count))
            {
                // A measure, like the text, is part of what is being counted, not a facet: it always applies.
                if (query.Measure is { } measure && !MeasureRules.Holds(docs.EventFacts[i], measure, query.Year, currentYear))
                {
                    continue;
                }

                var failures = 0;
                var failed = 0;
                for (var f = 0; f < selected.Length; f++)
                {
                    if (f != crime && f != chargeStage && selected[f] is not null && !Matches(f, i))
                    {
                        failures++;
                        failed = f;
                    }
                }

                if (query.HasEventFilter && !MatchesEvents(i))
                {
                    failures++;
                    failed = EventFilter;
                }

                if (failures > 1)
                {
                    continue;
                }

                // Crime and charge stage match within one charge: "convicted of genocide", not "convicted, and charged with genocide".
                var crimeOk = selected[crime] is null || AnyCharge(i, crimeFilter: true, stageFilter: false);
                var stageOk = selected[chargeStage] is null || AnyCharge(i, crimeFilter: false, stageFilter: true);
                var jointOk = crimeOk && stageOk && (selected[crime] is null || selected[chargeStage] is null || AnyCharge(i, true, true));

                if (failures == 1)
                {
                    if (jointOk)
                    {
                        if (failed == EventFilter)
                        {
                            CountYears(i);
                        }
                        else
                        {
                            Count(f: failed, i);
                        }
                    }

                    continue;
                }

                if (stageOk)
                {
                    CountCharges(i, crime, filterBy: chargeStage);
                }

                if (crimeOk)
                {
                    CountCharges(i, chargeStage, filterBy: crime);
                }

                if (!jointOk)
                {
                    continue;
                }

                results.Add(i);
                for (var f = 0; f < selected.Length; f++)
                {
                    if (f != crime && f != chargeStage)
                    {
                        Count(f, i);
                    }
                }

                CountYears(i);
            }

            return results;
        }

        private bool Matches(int f, int i)
        {
            var column = docs.Columns[f];
            var start = column.Offsets[i];
            var end = column.Offsets[i + 1];
            if (start == end)
            {
                return missingSelected[f];
            }

            for (var v = start; v < end; v++)
            {
                if (selected[f]![column.Values[v]])
                {
                    return true;
                }
            }

            return false;
        }

        private bool AnyCharge(int i, bool crimeFilter, bool stageFilter)
        {
            var charges = docs.Charges;
            for (var c = charges.Offsets[i]; c < charges.Offsets[i + 1]; c++)
            {
                if ((!crimeFilter || selected[crime]![charges.First[c]]) && (!stageFilter || selected[chargeStage]![charges.Second[c]]))
                {
                    return true;
                }
            }

            return false;
        }

        private bool MatchesEvents(int i)
        {
            if (eventTypeUnknown)
            {
                return false;
            }

            var events = docs.Events;
            for (var e = events.Offsets[i]; e < events.Offsets[i + 1]; e++)
            {
                if ((eventType is null || events.First[e] == eventType) && events.Second[e] >= (query.FromYear ?? int.MinValue) && events.Second[e] <= (query.ToYear ?? int.MaxValue))
                {
                    return true;
                }
            }

            return false;
        }

        private void Count(int f, int i)
        {
            var column = docs.Columns[f];
            var start = column.Offsets[i];
            var end = column.Offsets[i + 1];
            if (start == end)
            {
                missingCounts[f]++;
            }

            for (var v = start; v < end; v++)
            {
                counts[f][column.Values[v]]++;
            }
        }

        /// <summary>Counts the crimes (or stages) of a document's charges whose stage (or crime) is selected, each once.</summary>
        private void CountCharges(int i, int f, int filterBy)
        {
            var charges = docs.Charges;
            var seen = 0UL;
            for (var c = charges.Offsets[i]; c < charges.Offsets[i + 1]; c++)
            {
                var value = f == crime ? charges.First[c] : charges.Second[c];
                var other = f == crime ? charges.Second[c] : charges.First[c];
                if ((selected[filterBy] is null || selected[filterBy]![other]) && (seen & (1UL << value)) == 0)
                {
                    seen |= 1UL << value;
                    counts[f][value]++;
                }
            }

            if (charges.Offsets[i] == charges.Offsets[i + 1])
            {
                missingCounts[f]++;
            }
        }

        private void CountYears(int i)
        {
            var events = docs.Events;
            var start = events.Offsets[i];
            var end = events.Offsets[i + 1];
            for (var e = start; e < end; e++)
            {
                if (eventTypeUnknown || (eventType is not null && events.First[e] != eventType) || SeenYearBefore(start, e))
                {
                    continue;
                }

                years[events.Second[e]] = years.GetValueOrDefault(events.Second[e]) + 1;
            }
        }

        /// <summary>Whether an earlier counted event of the same document has this event's year (a document counts once a year).</summary>
        private bool SeenYearBefore(int start, int e)
        {
            var events = docs.Events;
            for (var earlier = start; earlier < e; earlier++)
            {
                if (events.Second[earlier] == events.Second[e] && (eventType is null || events.First[earlier] == eventType))
                {
                    return true;
                }
            }

            return false;
        }

        public List<FacetResult> Facets() => FacetCatalogue.All.Select((facet, f) => FacetResults.Build(
            facet,
            docs.Columns[f].Dictionary.Values.Select((value, id) => (value, counts[f][id])),
            missingCounts[f],
            query.Selected(facet.Name))).ToList();

        public List<FacetValue> EventYears() => years.OrderBy(y => y.Key)
            .Select(y => new FacetValue(y.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), y.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), y.Value,
                (query.FromYear ?? int.MinValue) <= y.Key && y.Key <= (query.ToYear ?? int.MaxValue) && (query.FromYear is not null || query.ToYear is not null)))
            .ToList();
    }
}

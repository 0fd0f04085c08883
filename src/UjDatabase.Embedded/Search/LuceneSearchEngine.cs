using System.Runtime.CompilerServices;
using Lucene.Net.Search;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;
using UjDatabase.Core.Storage;

namespace UjDatabase.Embedded.Search;

/// <summary>
/// The embedded search engine: Lucene.NET finds and ranks text (BM25, names weighted highest, similar spellings of names
/// below exact matches) in one pass that also fills the match sets; selections, facet counts, the year histogram, the
/// order of browsing and the statistics' facts all come from the in-memory columns. The store supplies only the records
/// a page shows or an export writes.
/// </summary>
public sealed class LuceneSearchEngine : ISearchEngine
{
    private const int StreamChunk = 1000;
    private const int ReadAheadChunks = 2;

    private readonly LuceneIndexHost host;
    private readonly ICaseStore store;
    private readonly TimeProvider clock;

    internal LuceneSearchEngine(LuceneIndexHost host, ICaseStore store, TimeProvider? clock = null)
    {
        this.host = host;
        this.store = store;
        this.clock = clock ?? TimeProvider.System;
    }

    private int CurrentYear => clock.GetUtcNow().Year;

    public async Task<SearchResult> SearchAsync(CaseQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = QueryText.Parse(query.Text);
        var offset = (query.Page - 1) * query.Size;
        List<(string Id, bool Fuzzy)> page;
        FacetCounts counts;
        long total;
        var searcher = host.Acquire();
        try
        {
            var run = Run(searcher, query, text, keep: offset + query.Size);
            total = run.Total;
            counts = new FacetCounts(host.Index.Dictionaries, query);
            for (var s = 0; s < run.Filters.Count; s++)
            {
                counts.Add(run.Filters[s], run.Matches[s]);
            }

            page = run.Page(offset, query.Size).Select(hit => (SegmentColumns.IdOf(searcher.Segments[hit.Segment].Reader, hit.Doc), hit.Fuzzy)).ToList();
        }
        finally
        {
            LuceneIndex.Release(searcher);
        }

        // Records are paired with their hits by id, and a record the store no longer publishes is left out, even before
        // the index has caught up with the change.
        var records = (await store.GetManyAsync(page.Select(p => p.Id).ToList(), cancellationToken)).Where(r => r.IsPublished)
            .ToDictionary(r => r.Id, StringComparer.Ordinal);
        var snippets = Snippets.For(text);
        var hits = page.Where(p => records.ContainsKey(p.Id)).Select(p =>
        {
            var record = records[p.Id];
            var highlights = p.Fuzzy ? [NameHighlight(record, text)] : snippets?.Best(record) is { } snippet ? [snippet] : Array.Empty<string>();
            return new SearchHit(record, highlights, p.Fuzzy);
        }).ToList();
        return new SearchResult(total, hits, counts.Facets(), counts.EventYears(), text.Notice);
    }

    public Task<long> CountAsync(CaseQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var searcher = host.Acquire();
        try
        {
            var run = Run(searcher, query, QueryText.Parse(query.Text), keep: 0);
            long total = 0;
            for (var s = 0; s < run.Filters.Count; s++)
            {
                total += Bits.CountAnd(run.Filters[s].All, run.Matches[s]);
            }

            return Task.FromResult(total);
        }
        finally
        {
            LuceneIndex.Release(searcher);
        }
    }

    public async IAsyncEnumerable<CaseRecord> StreamAsync(CaseQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        List<string> ids;
        var searcher = host.Acquire();
        try
        {
            var run = Run(searcher, query, QueryText.Parse(query.Text), keep: int.MaxValue);
            ids = run.Page(0, int.MaxValue).Select(hit => SegmentColumns.IdOf(searcher.Segments[hit.Segment].Reader, hit.Doc)).ToList();
        }
        finally
        {
            LuceneIndex.Release(searcher);
        }

        // The next chunks are read from the store, on their own connections, while the caller writes the current one:
        // reading in search order seeks all over the store, and an export of a million records waited on it.
        var chunks = ids.Chunk(StreamChunk).ToList();
        var ahead = new Queue<Task<IReadOnlyList<CaseRecord>>>();
        var started = 0;
        void ReadAhead()
        {
            while (ahead.Count < ReadAheadChunks && started < chunks.Count)
            {
                var chunk = chunks[started++];
                ahead.Enqueue(Task.Run(() => store.GetManyAsync(chunk, cancellationToken), cancellationToken));
            }
        }

        ReadAhead();
        while (ahead.Count > 0)
        {
            var records = await ahead.Dequeue();
            ReadAhead();
            foreach (var record in records)
            {
                if (record.IsPublished)
                {
                    yield return record;
                }
            }
        }
    }

    public async IAsyncEnumerable<IRecordFacts> FactsAsync(CaseQuery query, IReadOnlyCollection<MeasureInYear>? anyOf = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var searcher = host.Acquire();
        try
        {
            var run = Run(searcher, query, QueryText.Parse(query.Text), keep: 0, anyOf);
            var facts = new ColumnFacts(host.Index.Dictionaries);
            long key = 0;
            for (var s = 0; s < run.Filters.Count; s++)
            {
                var results = Bits.Copy(run.Filters[s].All);
                Bits.And(results, run.Matches[s]);
                foreach (var doc in Bits.Documents(results))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    facts.MoveTo(searcher.Segments[s].Columns, doc, ++key);
                    yield return facts;
                }

                await Task.Yield();
            }
        }
        finally
        {
            LuceneIndex.Release(searcher);
        }
    }

    public async Task<IReadOnlyList<NameSuggestion>> SuggestNamesAsync(NamePrefix prefix, int size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        List<string> ids;
        var searcher = host.Acquire();
        try
        {
            // Every word whole but the last, which is the start of a word: the same words the names field indexed.
            var query = new BooleanQuery();
            for (var i = 0; i < prefix.Words.Count; i++)
            {
                var term = new Lucene.Net.Index.Term(SearchFields.Names.Name, prefix.Words[i]);
                query.Add(i == prefix.Words.Count - 1 ? new PrefixQuery(term) { MultiTermRewriteMethod = MultiTermQuery.CONSTANT_SCORE_FILTER_REWRITE } : new TermQuery(term), Occur.MUST);
            }

            var sets = searcher.Segments.Select(s => Bits.New(s.Columns.MaxDoc)).ToArray();
            searcher.Search(query, new SetCollector(searcher.Segments, sets));
            for (var s = 0; s < sets.Length; s++)
            {
                Bits.And(sets[s], searcher.Segments[s].Live);
            }

            ids = DocumentOrder.Ordered(searcher.Segments, sets, DocumentOrder.Key.Name).Take(NameSuggestions.Candidates(size))
                .Select(hit => SegmentColumns.IdOf(searcher.Segments[hit.Segment].Reader, hit.Doc)).ToList();
        }
        finally
        {
            LuceneIndex.Release(searcher);
        }

        // The index holds no text, so the names themselves come from the store, for these few records only.
        return await NameSuggestions.ReadAsync(prefix, ids, store.GetManyAsync, size, cancellationToken);
    }

    /// <summary>The text pass and the selections of one query over one searcher's segments.</summary>
    private QueryRun Run(ColumnSearcher searcher, CaseQuery query, QueryText text, int keep, IReadOnlyCollection<MeasureInYear>? anyOf = null)
    {
        var filters = searcher.Segments.Select(s => QueryFilters.For(s, query, host.Index.Dictionaries, CurrentYear, anyOf)).ToList();
        var rewritten = new Dictionary<Query, Query?>();
        Query? Similar(Query fuzzy)
        {
            if (!rewritten.TryGetValue(fuzzy, out var done))
            {
                // Rewritten once per search; null when no name is spelt similarly.
                done = searcher.Rewrite(fuzzy);
                rewritten[fuzzy] = done = done is BooleanQuery { Clauses.Count: 0 } ? null : done;
            }

            return done;
        }

        var lucene = TextQueries.Build(text, Similar);
        if (lucene is null)
        {
            return new QueryRun(searcher.Segments, filters, filters.Select(f => f.Segment.Live).ToArray(), null, query.Sort);
        }

        var scored = text.Required.Count > 0 && query.Sort == SortOrder.Relevance;
        var collector = new MatchCollector(filters, scored ? keep : 0, scored ? SimilarOnly(searcher, text, Similar) : null);
        searcher.Search(lucene, collector);
        return new QueryRun(searcher.Segments, filters, collector.Matches, scored ? collector : null, query.Sort);
    }

    /// <summary>
    /// Per segment, the records matching some term only by a similar spelling (no exact bonus for them). Found apart
    /// from the main query: adding the bonus as a clause of it evaluated every exact term twice for every match, a
    /// third of the time of a word found in every record.
    /// </summary>
    private static ulong[][] SimilarOnly(ColumnSearcher searcher, QueryText text, Func<Query, Query?> prepare)
    {
        var sets = searcher.Segments.Select(s => Bits.New(s.Columns.MaxDoc)).ToArray();
        foreach (var (similar, exact) in TextQueries.SimilarOnly(text, prepare))
        {
            var similarDocs = searcher.Segments.Select(s => Bits.New(s.Columns.MaxDoc)).ToArray();
            searcher.Search(similar, new SetCollector(searcher.Segments, similarDocs));
            var both = searcher.Segments.Select(s => Bits.New(s.Columns.MaxDoc)).ToArray();
            searcher.Search(new BooleanQuery { { similar, Occur.MUST }, { exact, Occur.MUST } }, new SetCollector(searcher.Segments, both));
            for (var s = 0; s < sets.Length; s++)
            {
                Bits.AndNot(similarDocs[s], both[s]);
                Bits.Or(sets[s], similarDocs[s]);
            }
        }

        return sets;
    }

    /// <summary>For a match by a similar spelling of a name: the first of the accused's names with a word close to a query word, that word marked.</summary>
    private static string NameHighlight(CaseRecord record, QueryText text)
    {
        var skeletons = text.PositiveTerms.SelectMany(t => t.Tokens).Select(NameMatcher.Skeleton).Where(s => NameMatcher.Tolerance(s.Length) >= 0).ToList();
        bool Close(string word) => QueryText.Tokenize(word).Any(token =>
        {
            var skeleton = NameMatcher.Skeleton(token);
            return skeletons.Any(s => NameMatcher.Distance(s, skeleton, NameMatcher.Tolerance(s.Length)) <= NameMatcher.Tolerance(s.Length));
        });

        var names = new[] { record.Accused.Name, record.Accused.PublishedName }.Concat(record.Accused.Aliases).OfType<string>().ToList();
        var name = names.FirstOrDefault(n => n.Split(' ').Any(Close)) ?? record.DisplayName;
        return string.Join(' ', name.Split(' ').Select(word => Close(word) ? $"<mark>{Html.Encode(word)}</mark>" : Html.Encode(word)));
    }

    /// <summary>What one query found: its selections and matches per segment, and the ranked hits when ordered by relevance.</summary>
    private sealed class QueryRun(IReadOnlyList<SegmentView> segments, List<QueryFilters> filters, ulong[][] matches, MatchCollector? ranked, SortOrder sort)
    {
        public List<QueryFilters> Filters => filters;

        public ulong[][] Matches => matches;

        public long Total => ranked?.Total ?? filters.Select((f, s) => (long)Bits.CountAnd(f.All, matches[s])).Sum();

        /// <summary>The hits from <paramref name="offset"/>, at most <paramref name="size"/>, with whether each matched only by a similar spelling.</summary>
        public IEnumerable<(int Segment, int Doc, bool Fuzzy)> Page(int offset, int size)
        {
            if (ranked is not null)
            {
                // Equal scores fall back to the name order, as browsing does.
                var hits = ranked.Best();
                hits.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : DocumentOrder.Compare(segments, DocumentOrder.Key.Name, a.Segment, a.Doc, b.Segment, b.Doc));
                return hits.Skip(offset).Take(size).Select(h => (h.Segment, h.Doc, h.Score < SearchFields.ExactBonus));
            }

            var results = filters.Select((f, s) =>
            {
                var docs = Bits.Copy(f.All);
                Bits.And(docs, matches[s]);
                return docs;
            }).ToArray();
            return DocumentOrder.Ordered(segments, results, DocumentOrder.For(sort)).Skip(offset).Take(size).Select(h => (h.Segment, h.Doc, false));
        }
    }

    /// <summary>The counting facts of the document it was last moved to, read from the columns.</summary>
    private sealed class ColumnFacts(Dictionaries dictionaries) : IRecordFacts
    {
        private readonly List<string>[] values = Core.Search.FacetCatalogue.All.Select(_ => new List<string>()).ToArray();
        private readonly bool[] read = new bool[Core.Search.FacetCatalogue.All.Count];
        private readonly List<(string Crime, string Stage)> charges = [];
        private readonly List<ChargeTopic> chargeTopics = [];
        private readonly List<EventFact> events = [];
        private SegmentColumns columns = null!;
        private int doc;

        public long Key { get; private set; }

        public long CaseKey { get; private set; }

        public IReadOnlyList<(string Crime, string Stage)> Charges
        {
            get
            {
                if (charges.Count == 0)
                {
                    var crimes = columns.ChargeCrimes.Of(doc);
                    var stages = columns.ChargeStages.Of(doc);
                    for (var i = 0; i < crimes.Length; i++)
                    {
                        charges.Add((dictionaries.Crimes[crimes[i]], dictionaries.Stages[stages[i]]));
                    }
                }

                return charges;
            }
        }

        public IReadOnlyList<ChargeTopic> ChargeTopics
        {
            get
            {
                if (chargeTopics.Count == 0)
                {
                    foreach (var id in columns.ChargeTopics.Of(doc))
                    {
                        var parts = dictionaries.ChargeTopics[id].Split(IndexSchema.Separator);
                        chargeTopics.Add(new ChargeTopic(parts[0], parts[1], parts[2]));
                    }
                }

                return chargeTopics;
            }
        }

        public IReadOnlyList<EventFact> Events { get; private set; } = [];

        public void MoveTo(SegmentColumns segment, int document, long key)
        {
            columns = segment;
            doc = document;
            Key = key;
            var group = segment.Groups[document];
            CaseKey = group < 0 ? -key : group;
            Array.Clear(read);
            charges.Clear();
            chargeTopics.Clear();
            segment.EventFacts(document, dictionaries, events);
            Events = events;
        }

        public IReadOnlyList<string> Values(Core.Search.FacetDefinition facet)
        {
            var f = FacetIndex.Of(facet);
            if (!read[f])
            {
                values[f].Clear();
                foreach (var id in columns.Facets[f].Of(doc))
                {
                    values[f].Add(dictionaries.Facets[f][id]);
                }

                read[f] = true;
            }

            return values[f];
        }
    }
}

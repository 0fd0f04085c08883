using Lucene.Net.Index;
using Lucene.Net.Search;
using UjDatabase.Core.Search;

namespace UjDatabase.Embedded.Search;

/// <summary>A hit: its segment, its document within it, and its score.</summary>
internal readonly record struct ScoredDoc(int Segment, int Doc, float Score);

/// <summary>
/// One pass over the documents the text matches: every match goes into its segment's match set (for the facet counts),
/// and a match that passes every other selection is scored and kept among the best <c>keep</c> (for the page), or all
/// of them when <c>keep</c> is unbounded (for an export in relevance order). Documents that fail a selection are
/// never scored. A scored match outside <paramref name="similarOnly"/> (per segment) gets the exact bonus.
/// </summary>
internal sealed class MatchCollector(IReadOnlyList<QueryFilters> filters, int keep, ulong[][]? similarOnly) : ICollector
{
    private readonly PriorityQueue<ScoredDoc, (float Score, int Segment, int Doc)> best = new(Comparer<(float Score, int Segment, int Doc)>.Create(static (a, b) =>
    {
        // The worst kept hit comes out first: lowest score, then latest in index order.
        var byScore = a.Score.CompareTo(b.Score);
        return byScore != 0 ? byScore : (b.Segment, b.Doc).CompareTo((a.Segment, a.Doc));
    }));

    private Scorer? scorer;
    private int segment = -1;
    private ulong[] matches = [];
    private ulong[] allowed = [];
    private ulong[]? similar;

    /// <summary>Per segment, the documents the text matches (before any other selection).</summary>
    public ulong[][] Matches { get; } = filters.Select(f => Bits.New(f.Segment.Columns.MaxDoc)).ToArray();

    /// <summary>How many matches passed every selection.</summary>
    public long Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        segment = filters.Select((f, i) => (f, i)).First(x => ReferenceEquals(x.f.Segment.Context.Reader, context.Reader) || x.f.Segment.DocBase == context.DocBase).i;
        matches = Matches[segment];
        allowed = filters[segment].All;
        similar = similarOnly?[segment];
    }

    public void Collect(int doc)
    {
        Bits.Set(matches, doc);
        if (!Bits.Get(allowed, doc))
        {
            return;
        }

        Total++;
        if (keep <= 0)
        {
            return;
        }

        var score = scorer!.GetScore() + (similar is null || Bits.Get(similar, doc) ? 0 : SearchFields.ExactBonus);
        if (best.Count < keep)
        {
            best.Enqueue(new ScoredDoc(segment, doc, score), (score, segment, doc));
        }
        else if (best.TryPeek(out _, out var worst) && (score > worst.Score || (score == worst.Score && (segment, doc).CompareTo((worst.Segment, worst.Doc)) < 0)))
        {
            best.DequeueEnqueue(new ScoredDoc(segment, doc, score), (score, segment, doc));
        }
    }

    /// <summary>The kept hits, best first (ties in index order, to be broken by name by the caller).</summary>
    public List<ScoredDoc> Best()
    {
        var hits = best.UnorderedItems.Select(i => i.Element).ToList();
        hits.Sort(static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : (a.Segment, a.Doc).CompareTo((b.Segment, b.Doc)));
        return hits;
    }
}

/// <summary>Collects the documents a query matches into per-segment sets, unscored.</summary>
internal sealed class SetCollector(IReadOnlyList<SegmentView> segments, ulong[][] sets) : ICollector
{
    private ulong[] current = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        for (var s = 0; s < segments.Count; s++)
        {
            if (segments[s].DocBase == context.DocBase)
            {
                current = sets[s];
                return;
            }
        }
    }

    public void Collect(int doc) => Bits.Set(current, doc);
}

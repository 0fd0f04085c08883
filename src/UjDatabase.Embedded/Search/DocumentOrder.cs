using UjDatabase.Core.Search;

namespace UjDatabase.Embedded.Search;

/// <summary>
/// Orders the results of a query without scores: by name, by latest development (newest first), or by the day last
/// checked (newest first, for feeds). Each segment's documents are pre-sorted when the segment is loaded; a query walks
/// those orders, keeping its results, and merges the segments. Where a segment holds few results, they are sorted on
/// their own instead of walking the whole order.
/// </summary>
internal static class DocumentOrder
{
    /// <summary>The orders a query can ask for without a score.</summary>
    public enum Key
    {
        Name,
        Date,
        Updated,
    }

    public static Key For(SortOrder sort) => sort switch
    {
        SortOrder.Name => Key.Name,
        SortOrder.Updated => Key.Updated,
        _ => Key.Date,
    };

    /// <summary>The results (per segment, the documents in <paramref name="results"/>) in order, lazily.</summary>
    public static IEnumerable<(int Segment, int Doc)> Ordered(IReadOnlyList<SegmentView> segments, ulong[][] results, Key key)
    {
        var streams = segments.Select((segment, s) => Segment(segment.Columns, results[s], key).GetEnumerator()).ToList();
        var live = new List<int>();
        for (var s = 0; s < streams.Count; s++)
        {
            if (streams[s].MoveNext())
            {
                live.Add(s);
            }
        }

        while (live.Count > 0)
        {
            var best = live[0];
            for (var i = 1; i < live.Count; i++)
            {
                if (Compare(segments, key, live[i], streams[live[i]].Current, best, streams[best].Current) < 0)
                {
                    best = live[i];
                }
            }

            yield return (best, streams[best].Current);
            if (!streams[best].MoveNext())
            {
                live.Remove(best);
            }
        }
    }

    /// <summary>One segment's results in order.</summary>
    private static IEnumerable<int> Segment(SegmentColumns columns, ulong[] results, Key key)
    {
        var order = key switch
        {
            Key.Name => columns.ByName,
            Key.Updated => columns.ByUpdated,
            _ => columns.ByDate,
        };
        var count = Bits.Count(results);
        if (count == 0)
        {
            yield break;
        }

        if (count * 64 < columns.MaxDoc)
        {
            // Few results: sort them by their place in the order rather than walk it.
            var rank = key switch
            {
                Key.Name => columns.NameRank,
                Key.Updated => columns.UpdatedRank,
                _ => columns.DateRank,
            };
            var docs = Bits.Documents(results).ToArray();
            Array.Sort(docs, (a, b) => rank[a].CompareTo(rank[b]));
            foreach (var doc in docs)
            {
                yield return doc;
            }

            yield break;
        }

        foreach (var doc in order)
        {
            if (Bits.Get(results, doc))
            {
                yield return doc;
            }
        }
    }

    /// <summary>Compares two documents of (possibly) different segments in the order of <paramref name="key"/>.</summary>
    public static int Compare(IReadOnlyList<SegmentView> segments, Key key, int segmentA, int docA, int segmentB, int docB)
    {
        var a = segments[segmentA].Columns;
        var b = segments[segmentB].Columns;
        var byKey = key switch
        {
            Key.Updated => Descending(a.UpdatedDates[docA], b.UpdatedDates[docB]) is var u && u != 0 ? u : Descending(a.SortDates[docA], b.SortDates[docB]),
            Key.Date => Descending(a.SortDates[docA], b.SortDates[docB]),
            _ => 0,
        };
        if (byKey != 0)
        {
            return byKey;
        }

        var byName = string.CompareOrdinal(a.SortNames[a.NameOrds[docA]], b.SortNames[b.NameOrds[docB]]);
        return byName != 0 ? byName : (segmentA, docA).CompareTo((segmentB, docB));
    }

    private static int Descending(int a, int b) => b.CompareTo(a);
}

using System.Numerics;

namespace UjDatabase.Embedded.Search;

/// <summary>
/// The documents of one segment that have some value: a bitset when many do, a sorted list when few do, so that rare
/// values cost little memory and common ones count fast (by popcount against a query's own bitset).
/// </summary>
internal sealed class DocSet
{
    /// <summary>Below one document in this many, a list is smaller than a bitset.</summary>
    private const int SparseRatio = 32;

    private DocSet(ulong[]? dense, int[]? sparse, int count)
    {
        Dense = dense;
        Sparse = sparse;
        Count = count;
    }

    public ulong[]? Dense { get; }

    public int[]? Sparse { get; }

    public int Count { get; }

    public static DocSet Empty { get; } = new(null, [], 0);

    /// <summary>A set from the documents, in increasing order, of a segment of <paramref name="maxDoc"/> documents.</summary>
    public static DocSet From(List<int> docs, int maxDoc)
    {
        ArgumentNullException.ThrowIfNull(docs);
        if (docs.Count * SparseRatio < maxDoc)
        {
            return new DocSet(null, [.. docs], docs.Count);
        }

        var bits = Bits.New(maxDoc);
        foreach (var doc in docs)
        {
            Bits.Set(bits, doc);
        }

        return new DocSet(bits, null, docs.Count);
    }

    /// <summary>Adds every document of the set to <paramref name="target"/>.</summary>
    public void OrInto(ulong[] target)
    {
        if (Dense is { } dense)
        {
            for (var i = 0; i < dense.Length; i++)
            {
                target[i] |= dense[i];
            }

            return;
        }

        foreach (var doc in Sparse!)
        {
            Bits.Set(target, doc);
        }
    }

    /// <summary>How many of the set's documents <paramref name="mask"/> holds.</summary>
    public int CountIn(ulong[] mask)
    {
        if (Dense is { } dense)
        {
            return Bits.CountAnd(dense, mask);
        }

        var count = 0;
        foreach (var doc in Sparse!)
        {
            if (Bits.Get(mask, doc))
            {
                count++;
            }
        }

        return count;
    }
}

/// <summary>Bitsets of one segment's documents, as arrays of 64-bit words.</summary>
internal static class Bits
{
    public static ulong[] New(int maxDoc) => new ulong[(maxDoc + 63) >> 6];

    /// <summary>A set with every document from 0 to <paramref name="maxDoc"/> − 1.</summary>
    public static ulong[] All(int maxDoc)
    {
        var bits = New(maxDoc);
        Array.Fill(bits, ulong.MaxValue);
        if ((maxDoc & 63) != 0)
        {
            bits[^1] = (1UL << (maxDoc & 63)) - 1;
        }

        return bits;
    }

    public static void Set(ulong[] bits, int doc) => bits[doc >> 6] |= 1UL << (doc & 63);

    public static bool Get(ulong[] bits, int doc) => (bits[doc >> 6] & (1UL << (doc & 63))) != 0;

    public static ulong[] Copy(ulong[] bits) => (ulong[])bits.Clone();

    public static void And(ulong[] target, ulong[] other)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] &= other[i];
        }
    }

    public static void Or(ulong[] target, ulong[] other)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] |= other[i];
        }
    }

    public static void AndNot(ulong[] target, ulong[] other)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] &= ~other[i];
        }
    }

    public static int Count(ulong[] bits)
    {
        var count = 0;
        foreach (var word in bits)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }

    public static int CountAnd(ulong[] a, ulong[] b)
    {
        var count = 0;
        for (var i = 0; i < a.Length; i++)
        {
            count += BitOperations.PopCount(a[i] & b[i]);
        }

        return count;
    }

    /// <summary>The documents of the set, in increasing order.</summary>
    public static IEnumerable<int> Documents(ulong[] bits)
    {
        for (var i = 0; i < bits.Length; i++)
        {
            var word = bits[i];
            while (word != 0)
            {
                yield return (i << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
    }
}

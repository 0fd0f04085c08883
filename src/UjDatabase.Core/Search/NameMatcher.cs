using System.Text;

namespace UjDatabase.Core.Search;

/// <summary>
/// Finds names that a query word may mean despite a typo or another transliteration ("Rasslan" → Raslan,
/// "Simbikangua" → Simbikangwa, "Algharib" → al-Gharib). Names are reduced to a skeleton that irons out common
/// transliteration differences, then compared by edit distance with a tolerance that grows with the length.
/// </summary>
public sealed class NameMatcher
{
    // Spelling differences that transliteration from Arabic, Kinyarwanda, Cyrillic, ... commonly produces.
    private static readonly (string From, string To)[] Rewrites =
        [("ou", "u"), ("oo", "u"), ("ee", "i"), ("ph", "f"), ("kh", "k"), ("gh", "g"), ("dj", "j"), ("ck", "k"), ("w", "u"), ("y", "i"), ("q", "k")];

    private readonly Dictionary<string, HashSet<long>> postings = new(StringComparer.Ordinal);

    /// <summary>Adds the names of one record: every token, and every two adjacent tokens written together.</summary>
    public void Add(long key, IEnumerable<string?> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            if (name is null)
            {
                continue;
            }

            var tokens = QueryText.Tokenize(name);
            for (var i = 0; i < tokens.Count; i++)
            {
                Post(Skeleton(tokens[i]), key);
                if (i + 1 < tokens.Count)
                {
                    Post(Skeleton(tokens[i] + tokens[i + 1]), key);
                }
            }
        }
    }

    private void Post(string skeleton, long key)
    {
        if (skeleton.Length == 0)
        {
            return;
        }

        if (!postings.TryGetValue(skeleton, out var keys))
        {
            postings[skeleton] = keys = [];
        }

        keys.Add(key);
    }

    /// <summary>The records whose names hold a token close to <paramref name="token"/>, with the distance of the closest.</summary>
    public Dictionary<long, int> Match(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var result = new Dictionary<long, int>();
        var skeleton = Skeleton(token);
        var tolerance = Tolerance(skeleton.Length);
        if (tolerance < 0)
        {
            return result;
        }

        foreach (var (candidate, keys) in postings)
        {
            if (Math.Abs(candidate.Length - skeleton.Length) > tolerance)
            {
                continue;
            }

            var distance = Distance(skeleton, candidate, tolerance);
            if (distance > tolerance)
            {
                continue;
            }

            foreach (var key in keys)
            {
                result[key] = result.TryGetValue(key, out var known) ? Math.Min(known, distance) : distance;
            }
        }

        return result;
    }

    /// <summary>How many edits a word of this skeleton length may differ by: none below four letters, then one, then two.</summary>
    public static int Tolerance(int length) => length < 4 ? -1 : length < 8 ? 1 : 2;

    /// <summary>Folds a token and irons out transliteration differences: doubled letters, ou/u, w/u, y/i, kh/k, gh/g, ...</summary>
    public static string Skeleton(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var text = QueryText.Fold(token);
        foreach (var (from, to) in Rewrites)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) && (result.Length == 0 || result[^1] != c))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent swaps), stopping early past <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}

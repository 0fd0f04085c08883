using System.Globalization;
using System.Text;

namespace UjDatabase.Core.Search;

/// <summary>What one piece of a text query asks for.</summary>
public enum TermKind
{
    /// <summary>One word.</summary>
    Word,

    /// <summary>Words in this order, next to each other ("quoted", or joined by hyphens or apostrophes).</summary>
    Phrase,

    /// <summary>Any word starting with these letters (<c>simbi*</c>).</summary>
    Prefix,
}

/// <summary>One term of a text query, as folded tokens (lower case, no accents).</summary>
public sealed record QueryTerm(TermKind Kind, IReadOnlyList<string> Tokens)
{
    public string Text => string.Join(' ', Tokens);
}

/// <summary>
/// A user's text query split into terms. Every term must match. Syntax we cannot honour (an unbalanced quote, a stray
/// <c>*</c>) never fails the search: the text is read again as plain words and <see cref="Notice"/> says so.
/// </summary>
public sealed record QueryText(IReadOnlyList<QueryTerm> Terms, string? Notice)
{
    public bool IsEmpty => Terms.Count == 0;

    public static QueryText Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new([], null);
        }

        var notice = CheckSyntax(text);
        if (notice is not null)
        {
            var plain = Tokenize(text).Select(t => new QueryTerm(TermKind.Word, [t])).ToList();
            return new(plain, notice);
        }

        var terms = new List<QueryTerm>();
        var parts = text.Split('"');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 1)
            {
                var tokens = Tokenize(parts[i]);
                if (tokens.Count > 0)
                {
                    terms.Add(new(tokens.Count == 1 ? TermKind.Word : TermKind.Phrase, tokens));
                }

                continue;
            }

            foreach (var word in parts[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                var prefix = word.EndsWith('*');
                var tokens = Tokenize(prefix ? word[..^1] : word);
                if (tokens.Count == 0)
                {
                    continue;
                }

                terms.Add(prefix ? new(TermKind.Prefix, tokens) : new(tokens.Count == 1 ? TermKind.Word : TermKind.Phrase, tokens));
            }
        }

        return new(terms, null);
    }

    private static string? CheckSyntax(string text)
    {
        if (text.Count(c => c == '"') % 2 != 0)
        {
            return "The quotes in your search do not pair up, so it was searched as plain words.";
        }

        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var star = word.IndexOf('*', StringComparison.Ordinal);
            if (star >= 0 && (star != word.Length - 1 || Tokenize(word[..star]).Sum(t => t.Length) < 2 || word.StartsWith('"')))
            {
                return "A * can only end a word of at least two letters (e.g. simbi*), so your search was read as plain words.";
            }
        }

        return null;
    }

    /// <summary>Splits text into folded tokens the way the index does: letters and digits, lower case, accents removed.</summary>
    public static List<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in Fold(text))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    /// <summary>Lower case with diacritics removed ("Habré" → "habre"), as SQLite's unicode61 remove_diacritics 2 folds.</summary>
    /// <remarks>
    /// The app runs with invariant globalization (no ICU), where Unicode decomposition is not available, so Latin
    /// letters with diacritics are folded by an explicit table.
    /// </remarks>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var lower = char.ToLowerInvariant(c);
            if (lower < '\u00c0')
            {
                folded.Append(lower);
            }
            else if (FoldTable.TryGetValue(lower, out var replacement))
            {
                folded.Append(replacement);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(lower) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(lower);
            }
        }

        return folded.ToString();
    }

    private static readonly Dictionary<char, string> FoldTable = BuildFoldTable();

    private static Dictionary<char, string> BuildFoldTable()
    {
        // Each entry: the base letters, then the lower-case letters that fold to them.
        (string To, string From)[] groups =
        [
            ("a", "àáâãäåāăąǎǻ"), ("ae", "æǽ"), ("c", "çćĉċč"), ("d", "ďđð"), ("e", "èéêëēĕėęěə"), ("g", "ĝğġģ"),
            ("h", "ĥħ"), ("i", "ìíîïĩīĭįıǐ"), ("ij", "ĳ"), ("j", "ĵ"), ("k", "ķĸ"), ("l", "ĺļľŀł"),
            ("n", "ñńņňŉŋ"), ("o", "òóôõöøōŏőǒǿ"), ("oe", "œ"), ("r", "ŕŗř"), ("s", "śŝşšſș"), ("ss", "ß"),
            ("t", "ţťŧț"), ("th", "þ"), ("u", "ùúûüũūŭůűųǔǖǘǚǜ"), ("w", "ŵ"), ("y", "ýÿŷ"), ("z", "źżž"),
        ];
        var table = new Dictionary<char, string>();
        foreach (var (to, from) in groups)
        {
            foreach (var c in from)
            {
                table[c] = to;
            }
        }

        return table;
    }
}

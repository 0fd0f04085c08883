using System.Globalization;
using System.Text;
using UjDatabase.Core.Languages;

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

/// <summary>
/// One term of a text query: as folded tokens (lower case, no accents), and as typed (<see cref="Raw"/>, without
/// quotes, operators or the prefix star), for an engine to analyse with its own analyser.
/// </summary>
public sealed record QueryTerm(TermKind Kind, IReadOnlyList<string> Tokens)
{
    public string Raw { get; init; } = string.Join(' ', Tokens);

    public string Text => string.Join(' ', Tokens);
}

/// <summary>A part of the query that must match: one term, or several joined by OR, of which any one will do.</summary>
public sealed record QueryClause(IReadOnlyList<QueryTerm> Alternatives);

/// <summary>
/// A user's text query, in the syntax people know from legal databases: words and "quoted phrases" that must all
/// match, prefix*, OR between alternatives, -word (or NOT word) to exclude; AND and + are accepted and change nothing.
/// Syntax we cannot honour (an unbalanced quote, parentheses, a stray *) never fails the search: the text is read again
/// as plain words and <see cref="Notice"/> says so. The work a query can cause is bounded: past
/// <see cref="MaxTerms"/> terms the rest is left out, with a notice.
/// </summary>
public sealed record QueryText(IReadOnlyList<QueryClause> Required, IReadOnlyList<QueryTerm> Excluded, string? Notice)
{
    /// <summary>The fewest letters a prefix may have: a shorter one would reach a large part of the vocabulary.</summary>
    public const int MinPrefixLetters = 3;

    /// <summary>The most terms (words, phrases, prefixes) one query searches for.</summary>
    public const int MaxTerms = 20;

    /// <summary>The most words of one phrase.</summary>
    public const int MaxPhraseWords = 12;

    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal) { "AND", "OR", "NOT", "NEAR" };

    private static readonly System.Buffers.SearchValues<char> Brackets = System.Buffers.SearchValues.Create("()[]{}");

    private static readonly System.Buffers.SearchValues<char> FieldSyntax = System.Buffers.SearchValues.Create(":~^\\");

    public bool IsEmpty => Required.Count == 0 && Excluded.Count == 0;

    /// <summary>Every term that must (or may, as an alternative) match: what highlights mark.</summary>
    public IEnumerable<QueryTerm> PositiveTerms => Required.SelectMany(c => c.Alternatives);

    /// <summary>
    /// The words of the query in the order typed, when it is a plain list of words and phrases (no OR, no prefix): a
    /// record where they stand together as typed ranks first. Null otherwise.
    /// </summary>
    public IReadOnlyList<string>? AdjacentWords
    {
        get
        {
            if (Required.Count < 2 || Required.Any(c => c.Alternatives.Count > 1 || c.Alternatives[0].Kind == TermKind.Prefix))
            {
                return null;
            }

            var words = Required.SelectMany(c => c.Alternatives[0].Tokens).ToList();
            return words.Count > 1 && words.Count <= MaxPhraseWords ? words : null;
        }
    }

    public static QueryText Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new([], [], null);
        }

        var problem = CheckSyntax(text);
        var parsed = problem is null ? Structured(text) : null;
        if (parsed is null)
        {
            // The words as typed (case kept, so that the operators can be told from the words "or" and "not")...
            var typed = new List<string>();
            var current = new StringBuilder();
            foreach (var c in text.Append(' '))
            {
                if (char.IsLetterOrDigit(c))
                {
                    current.Append(c);
                }
                else if (current.Length > 0)
                {
                    typed.Add(current.ToString());
                    current.Clear();
                }
            }

            // ...then folded, without the operators that could not be honoured.
            var words = typed.Where(w => !Operators.Contains(w)).SelectMany(Tokenize)
                .Select(t => new QueryClause([new QueryTerm(TermKind.Word, [t])]))
                .ToList();
            var plain = string.Join(' ', words.Select(w => w.Alternatives[0].Text));
            var reason = Texts.T(problem ?? "the words OR and NOT must stand between or before terms");
            return Bounded(words, [], words.Count == 0 ? null : Texts.T("Your search could not be read as written ({0}), so it was searched as plain words: {1}.", reason, plain));
        }

        return parsed;
    }

    /// <summary>Splits on white space, keeping quoted phrases (with any - or + before them) whole.</summary>
    private static List<string> Split(string text)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
                current.Append(c);
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            parts.Add(current.ToString());
        }

        return parts;
    }

    private static string? CheckSyntax(string text)
    {
        if (text.Count(c => c == '"') % 2 != 0)
        {
            return "the quotes do not pair up";
        }

        if (text.AsSpan().IndexOfAny(Brackets) >= 0)
        {
            return "brackets are not supported";
        }

        foreach (var part in Split(text))
        {
            if (part.StartsWith('"'))
            {
                continue;
            }

            var word = part.TrimStart('-', '+');
            if (word.StartsWith("NEAR", StringComparison.Ordinal) && word.Length > 4 && !char.IsLetter(word[4]))
            {
                return "NEAR is not supported";
            }

            if (word.AsSpan().IndexOfAny(FieldSyntax) >= 0)
            {
                return "field names, ~ and ^ are not supported";
            }

            var star = word.IndexOf('*', StringComparison.Ordinal);
            if (star >= 0 && (star != word.Length - 1 || Tokenize(word[..star]).Count == 0))
            {
                return "a * can only end a word, as in simbi*";
            }
        }

        return null;
    }

    /// <summary>Reads the syntax; null when an operator stands where it means nothing (OR at the start, NOT at the end).</summary>
    private static QueryText? Structured(string text)
    {
        var required = new List<List<QueryTerm>>();
        var excluded = new List<QueryTerm>();
        var joinNext = false;
        var excludeNext = false;
        foreach (var part in Split(text))
        {
            if (part is "AND")
            {
                if (joinNext || excludeNext)
                {
                    return null;
                }

                continue;
            }

            if (part is "OR")
            {
                if (joinNext || excludeNext || required.Count == 0)
                {
                    return null;
                }

                joinNext = true;
                continue;
            }

            if (part is "NOT")
            {
                if (joinNext || excludeNext)
                {
                    return null;
                }

                excludeNext = true;
                continue;
            }

            var exclude = excludeNext || (part.StartsWith('-') && part.Length > 1);
            var body = part.StartsWith('-') || part.StartsWith('+') ? part[1..] : part;
            var term = Term(body);
            if (term is null)
            {
                // Punctuation alone: nothing to search for; an operator waiting for it has nothing to act on.
                if (joinNext || excludeNext)
                {
                    return null;
                }

                continue;
            }

            if (exclude)
            {
                if (joinNext)
                {
                    return null;
                }

                excluded.Add(term);
            }
            else if (joinNext)
            {
                required[^1].Add(term);
            }
            else
            {
                required.Add([term]);
            }

            joinNext = false;
            excludeNext = false;
        }

        if (joinNext || excludeNext)
        {
            return null;
        }

        return Bounded(required.Select(r => new QueryClause(r)).ToList(), excluded, null);
    }

    private static QueryTerm? Term(string body)
    {
        if (body.StartsWith('"') && body.EndsWith('"') && body.Length >= 2)
        {
            var raw = body[1..^1].Trim();
            var tokens = Tokenize(raw);
            return tokens.Count == 0 ? null : new QueryTerm(tokens.Count == 1 ? TermKind.Word : TermKind.Phrase, tokens) { Raw = raw };
        }

        var prefix = body.EndsWith('*');
        var typed = prefix ? body[..^1] : body;
        var words = Tokenize(typed);
        if (words.Count == 0)
        {
            return null;
        }

        // "al-Gharib" is the phrase "al gharib"; "simbi*" a prefix; "al-gha*" the prefix of its last word.
        return prefix
            ? new QueryTerm(TermKind.Prefix, words) { Raw = typed }
            : new QueryTerm(words.Count == 1 ? TermKind.Word : TermKind.Phrase, words) { Raw = typed };
    }

    /// <summary>Keeps at most <see cref="MaxTerms"/> terms and <see cref="MaxPhraseWords"/> words a phrase, saying so when it drops any.</summary>
    private static QueryText Bounded(List<QueryClause> required, List<QueryTerm> excluded, string? notice)
    {
        var cut = false;
        var shortPrefixes = new List<string>();
        QueryTerm Shorten(QueryTerm term)
        {
            if (term.Kind == TermKind.Prefix && term.Tokens[^1].Length < MinPrefixLetters)
            {
                // "a*" would reach every word starting with a: searched as the word itself.
                shortPrefixes.Add(term.Raw);
                term = term with { Kind = term.Tokens.Count == 1 ? TermKind.Word : TermKind.Phrase };
            }

            if (term.Tokens.Count <= MaxPhraseWords)
            {
                return term;
            }

            cut = true;
            var tokens = term.Tokens.Take(MaxPhraseWords).ToList();
            return term with { Tokens = tokens, Raw = string.Join(' ', tokens) };
        }

        var budget = MaxTerms;
        var keptRequired = new List<QueryClause>();
        foreach (var clause in required)
        {
            var alternatives = clause.Alternatives.Take(budget).Select(Shorten).ToList();
            budget -= alternatives.Count;
            cut |= alternatives.Count < clause.Alternatives.Count;
            if (alternatives.Count > 0)
            {
                keptRequired.Add(new QueryClause(alternatives));
            }
        }

        var keptExcluded = excluded.Take(Math.Max(0, budget)).Select(Shorten).ToList();
        cut |= keptExcluded.Count < excluded.Count;
        if (cut)
        {
            var bound = Texts.T("Only the first {0} terms of your search (and the first {1} words of a phrase) were searched.", MaxTerms, MaxPhraseWords);
            notice = notice is null ? bound : $"{notice} {bound}";
        }

        if (shortPrefixes.Count > 0)
        {
            var prefixes = $"A prefix needs at least {MinPrefixLetters} letters before the *: {string.Join(", ", shortPrefixes.Select(p => $"“{p}*”"))} {(shortPrefixes.Count == 1 ? "was" : "were")} searched as typed, without the *.";
            notice = notice is null ? prefixes : $"{notice} {prefixes}";
        }

        return new QueryText(keptRequired, keptExcluded, notice);
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

    /// <summary>Lower case with diacritics removed ("Habré" → "habre"), as the index's ASCII folding does.</summary>
    /// <remarks>
    /// Latin letters with diacritics are folded by an explicit table, so the result does not depend on the machine's
    /// culture data; the table covers what names in the records use.
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

using System.Text;
using Lucene.Net.Analysis.TokenAttributes;
using UjDatabase.Core.Cases;
using UjDatabase.Core.Search;

namespace UjDatabase.Embedded.Search;

/// <summary>
/// Marks a search's exact terms in a record's text and keeps the passage of about <see cref="Length"/> characters that
/// holds the most different terms, from the field where they stand best (on a tie, the earlier field of
/// <see cref="SearchFields.HighlightOrder"/>). The text is tokenised with the index's own analyser, so "Habre" marks
/// "Habré"; a phrase is marked only where its words stand together. Written for the page of hits alone: Lucene's
/// highlighter built an index in memory per field and per hit, a large part of a search's time.
/// </summary>
internal sealed class Snippets
{
    public const int Length = 160;

    /// <summary>Each term as tokens; a prefix term's last token is a prefix.</summary>
    private readonly List<(string[] Tokens, bool Prefix)> terms;

    private Snippets(List<(string[] Tokens, bool Prefix)> terms) => this.terms = terms;

    /// <summary>The snippet maker of a query, or null when it has no exact term to mark.</summary>
    public static Snippets? For(QueryText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = text.PositiveTerms
            .Select(t => (Tokens: TextQueries.Analyse(t.Raw).ToArray(), Prefix: t.Kind == TermKind.Prefix))
            .Where(t => t.Tokens.Length > 0)
            .ToList();
        return terms.Count == 0 ? null : new Snippets(terms);
    }

    /// <summary>The record's best passage with the terms marked and everything else HTML-encoded; null when no field holds a term.</summary>
    public string? Best(CaseRecord record)
    {
        var document = SearchDocument.From(record);
        (int Distinct, int Count, string Text, List<(int Start, int End)> Marks, int From, int To)? best = null;
        foreach (var field in SearchFields.HighlightOrder)
        {
            var value = document.Text[field].Replace(" \n ", " · ", StringComparison.Ordinal);
            if (value.Length == 0)
            {
                continue;
            }

            var matches = Matches(field.Name, value);
            if (matches.Count == 0)
            {
                continue;
            }

            var (distinct, count, from, to) = BestWindow(value, matches);
            if (best is null || distinct > best.Value.Distinct || (distinct == best.Value.Distinct && count > best.Value.Count))
            {
                best = (distinct, count, value, matches.Select(m => (m.Start, m.End)).ToList(), from, to);
            }
        }

        return best is { } found ? Render(found.Text, found.Marks, found.From, found.To) : null;
    }

    /// <summary>Where the terms occur in a field's text: each marked token's offsets and the term it belongs to.</summary>
    private List<(int Start, int End, int Term)> Matches(string field, string value)
    {
        var tokens = new List<(string Token, int Start, int End)>();
        using (var stream = IndexSchema.Folded.GetTokenStream(field, value))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
            }

            stream.End();
        }

        var matches = new List<(int Start, int End, int Term)>();
        for (var t = 0; t < terms.Count; t++)
        {
            var (words, prefix) = terms[t];
            for (var i = 0; i + words.Length <= tokens.Count; i++)
            {
                var all = true;
                for (var w = 0; w < words.Length && all; w++)
                {
                    var token = tokens[i + w].Token;
                    all = prefix && w == words.Length - 1 ? token.StartsWith(words[w], StringComparison.Ordinal) : token == words[w];
                }

                if (all)
                {
                    for (var w = 0; w < words.Length; w++)
                    {
                        matches.Add((tokens[i + w].Start, tokens[i + w].End, t));
                    }
                }
            }
        }

        matches.Sort((a, b) => a.Start.CompareTo(b.Start));
        return matches;
    }

    /// <summary>The window of at most <see cref="Length"/> characters holding the most different terms, then the most marks.</summary>
    private static (int Distinct, int Count, int From, int To) BestWindow(string value, List<(int Start, int End, int Term)> matches)
    {
        (int Distinct, int Count, int From, int To) best = (0, 0, 0, 0);
        for (var i = 0; i < matches.Count; i++)
        {
            // The window opens a little before a mark, for context, and is moved back when it would run past the end.
            var from = Math.Max(0, matches[i].Start - 20);
            var to = Math.Min(value.Length, from + Length);
            from = Math.Max(0, Math.Min(from, to - Length));
            var inside = matches.Where(m => m.Start >= from && m.End <= to).ToList();
            var distinct = inside.Select(m => m.Term).Distinct().Count();
            if (distinct > best.Distinct || (distinct == best.Distinct && inside.Count > best.Count))
            {
                best = (distinct, inside.Count, from, to);
            }
        }

        return best;
    }

    /// <summary>The window cut at word boundaries, encoded, the marks in place, with an ellipsis where the text goes on.</summary>
    private static string Render(string value, List<(int Start, int End)> marks, int from, int to)
    {
        if (from > 0 && char.IsLetterOrDigit(value[from - 1]))
        {
            while (from < to && char.IsLetterOrDigit(value[from]))
            {
                from++;
            }
        }

        if (to < value.Length && char.IsLetterOrDigit(value[to]))
        {
            var space = value.LastIndexOf(' ', to - 1, to - from);
            to = space > from ? space : to;
        }

        // Nor does a snippet open on the separator of two values or on punctuation.
        while (from > 0 && from < to && (char.IsWhiteSpace(value[from]) || value[from] is '·' or ',' or ';' or ':' or ')' or '.' or '-'))
        {
            from++;
        }

        var html = new StringBuilder(from > 0 ? "… " : string.Empty);
        var at = from;
        foreach (var (start, end) in marks.Where(m => m.Start >= from && m.End <= to))
        {
            if (start < at)
            {
                continue;
            }

            html.Append(Html.Encode(value[at..start])).Append("<mark>").Append(Html.Encode(value[start..end])).Append("</mark>");
            at = end;
        }

        html.Append(Html.Encode(value[at..to].TrimEnd()));
        return html.Append(to < value.Length ? " …" : string.Empty).ToString();
    }
}

/// <summary>
/// Escapes only what HTML needs escaped; accented letters stay letters, so that readers of the JSON API see "Habré"
/// (WebUtility and Lucene's encoder turn them into numeric entities).
/// </summary>
internal static class Html
{
    public static string Encode(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}

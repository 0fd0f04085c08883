using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;
using UjDatabase.Core.Search;

namespace UjDatabase.Embedded.Search;

/// <summary>
/// Turns a <see cref="QueryText"/> into Lucene queries with the ranking of <see cref="SearchFields"/>: each term is
/// looked for in every text field (the best field counts, weighted), a word may also match a name by a similar spelling
/// (a fuzzy match on name skeletons, weighing a fifth), and records where the words stand together as typed get a
/// bonus. Records with every term exact get a larger one, so that they always rank above the others: the collector adds
/// it to every match outside <see cref="SimilarOnly"/>.
/// </summary>
internal static class TextQueries
{
    /// <summary>
    /// The query that finds and ranks records; null when the text has no term. <paramref name="similar"/> prepares each
    /// similar-spelling query: the engine rewrites it once per search (building its automaton is the costly part) and
    /// uses the result here and in <see cref="SimilarOnly"/>.
    /// </summary>
    public static Query? Build(QueryText text, Func<Query, Query?> similar)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.IsEmpty)
        {
            return null;
        }

        var query = new BooleanQuery();
        if (text.Required.Count == 0)
        {
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        foreach (var clause in text.Required)
        {
            var alternatives = new BooleanQuery { MinimumNumberShouldMatch = 1 };
            foreach (var term in clause.Alternatives)
            {
                if (Exact(term) is { } exact)
                {
                    alternatives.Add(exact, Occur.SHOULD);
                }

                // A similar spelling that matches no name is left out, so that the query stays flat.
                if (Fuzzy(term) is { } fuzzy && similar(fuzzy) is { } spellings)
                {
                    alternatives.Add(spellings, Occur.SHOULD);
                }
            }

            // A clause of one query is that query: wrapping it kept Lucene from using its simplest scorer.
            query.Add(alternatives.Clauses.Count == 1 ? alternatives.Clauses[0].Query : alternatives, Occur.MUST);
        }

        foreach (var term in text.Excluded)
        {
            if (Exact(term) is { } excluded)
            {
                query.Add(excluded, Occur.MUST_NOT);
            }
        }

        if (text.AdjacentWords is not null && Phrase(string.Join(' ', text.Required.Select(c => c.Alternatives[0].Raw))) is { } together)
        {
            together.Boost = SearchFields.AdjacencyBonus;
            query.Add(together, Occur.SHOULD);
        }

        return query;
    }

    /// <summary>
    /// For each required term a word of which may match by a similar spelling: the query of those similar spellings and
    /// the query of the term's exact forms. A record matching the first and not the second matches that term only by a
    /// similar spelling, and gets no exact bonus. Both queries match few records (names), so the sets are cheap.
    /// </summary>
    public static IReadOnlyList<(Query Similar, Query Exact)> SimilarOnly(QueryText text, Func<Query, Query?> similar)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pairs = new List<(Query, Query)>();
        foreach (var clause in text.Required)
        {
            var similarSpellings = new BooleanQuery();
            foreach (var spellings in clause.Alternatives.Select(Fuzzy).OfType<Query>().Select(similar).OfType<Query>())
            {
                similarSpellings.Add(spellings, Occur.SHOULD);
            }

            var exact = new BooleanQuery();
            foreach (var query in clause.Alternatives.Select(Exact).OfType<Query>())
            {
                exact.Add(query, Occur.SHOULD);
            }

            if (similarSpellings.Clauses.Count > 0)
            {
                pairs.Add((similarSpellings, exact));
            }
        }

        return pairs;
    }

    /// <summary>A term in any text field, the best weighted field counting.</summary>
    private static Query? Exact(QueryTerm term)
    {
        var tokens = Analyse(term.Raw);
        if (tokens.Count == 0)
        {
            return null;
        }

        var perField = new DisjunctionMaxQuery(0f);
        foreach (var field in SearchFields.All)
        {
            Query query = term.Kind == TermKind.Prefix
                ? PrefixIn(field.Name, tokens)
                : tokens.Count == 1 ? new TermQuery(new Term(field.Name, tokens[0])) : PhraseIn(field.Name, tokens);
            query.Boost = field.Boost;
            perField.Add(query);
        }

        return perField;
    }

    /// <summary>The words as a phrase in any text field.</summary>
    private static DisjunctionMaxQuery? Phrase(string text)
    {
        var tokens = Analyse(text);
        if (tokens.Count < 2)
        {
            return null;
        }

        var perField = new DisjunctionMaxQuery(0f);
        foreach (var field in SearchFields.All)
        {
            var phrase = PhraseIn(field.Name, tokens);
            phrase.Boost = field.Boost;
            perField.Add(phrase);
        }

        return perField;
    }

    private static PhraseQuery PhraseIn(string field, IReadOnlyList<string> tokens)
    {
        var phrase = new PhraseQuery();
        foreach (var token in tokens)
        {
            phrase.Add(new Term(field, token));
        }

        return phrase;
    }

    /// <summary>A prefix: its last word is a prefix; words before it must stand just before it ("al-gha*").</summary>
    private static Query PrefixIn(string field, List<string> tokens)
    {
        // Every word of the index starting with the prefix is looked up as a filter: no limit on clauses to reach.
        var prefix = new PrefixQuery(new Term(field, tokens[^1])) { MultiTermRewriteMethod = MultiTermQuery.CONSTANT_SCORE_FILTER_REWRITE };
        if (tokens.Count == 1)
        {
            return prefix;
        }

        var spans = tokens.SkipLast(1).Select(t => (SpanQuery)new SpanTermQuery(new Term(field, t)))
            .Append(new SpanMultiTermQueryWrapper<PrefixQuery>(prefix)).ToArray();
        return new SpanNearQuery(spans, 0, true);
    }

    /// <summary>A word by a similar spelling of a name, with the tolerance of <see cref="NameMatcher"/>; null for phrases, prefixes and short words.</summary>
    private static FuzzyQuery? Fuzzy(QueryTerm term)
    {
        if (term.Kind != TermKind.Word || term.Tokens.Count != 1)
        {
            return null;
        }

        var skeleton = NameMatcher.Skeleton(term.Tokens[0]);
        var tolerance = NameMatcher.Tolerance(skeleton.Length);
        if (tolerance < 0)
        {
            return null;
        }

        // Exact skeletons too ("Rasslan" and "Raslan" share one), then up to the tolerance's edits; at most 50 names each.
        return new FuzzyQuery(new Term(IndexSchema.Skeleton, skeleton), tolerance, 0, 50, true) { Boost = SearchFields.FuzzyWeight };
    }

    /// <summary>The tokens of text as the index analyses it.</summary>
    public static List<string> Analyse(string text)
    {
        var tokens = new List<string>();
        using var stream = IndexSchema.Folded.GetTokenStream(SearchFields.Summary.Name, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }
}

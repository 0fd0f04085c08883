using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using UjDatabase.Core.Search;
using UjDatabase.Core.Statistics;
using EsSortOrder = Elastic.Clients.Elasticsearch.SortOrder;
using SortOrder = UjDatabase.Core.Search.SortOrder;

namespace UjDatabase.Server.Elasticsearch;

/// <summary>
/// Turns a <see cref="CaseQuery"/> into the client's typed search request. The text and the measure go in the query;
/// facet and event selections go in the <c>post_filter</c>, and every facet is an aggregation filtered by all
/// selections but its own, so counts are drill-sideways exactly as in the embedded engine.
/// </summary>
public static class EsQueryBuilder
{
    /// <summary>The name of the clauses that match text exactly; a hit without it matched only a similar name.</summary>
    public const string ExactName = "exact";

    public const string EventFilter = "event";

    /// <summary>How long a point in time stays open between two pages of a scan.</summary>
    public const string KeepAlive = "2m";

    private static readonly string[] TextFields = SearchFields.All.Select(f => f.Boost == 1f ? f.Name : string.Create(CultureInfo.InvariantCulture, $"{f.Name}^{f.Boost}")).ToArray();

    public static SearchRequest Search(CaseQuery query, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(query);
        var request = Base(new SearchRequest(EsCalls.Alias), query, timeout);
        request.From = (query.Page - 1) * query.Size;
        request.Size = query.Size;
        request.TrackTotalHits = true;
        request.Aggregations = Aggregations(query);
        request.Highlight = new Highlight
        {
            Encoder = HighlighterEncoder.Html,
            PreTags = ["<mark>"],
            PostTags = ["</mark>"],
            NumberOfFragments = 1,
            FragmentSize = 160,
            Fields = SearchFields.All.Select(f => KeyValuePair.Create((Field)f.Name, new HighlightField())).ToList(),
        };
        return request;
    }

    /// <summary>
    /// The typeahead's search: published records whose names hold every word typed, the last as the start of a word,
    /// in name order, ids only (the store supplies the names). The words are folded as the names field's analyser folds.
    /// </summary>
    public static SearchRequest NamePrefix(NamePrefix prefix, int candidates, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var field = SearchFields.Names.Name;
        var words = prefix.Words.Select((word, i) => i == prefix.Words.Count - 1 ? (Query)new PrefixQuery(field, word) : new TermQuery(field, word)).ToList();
        return new SearchRequest(EsCalls.Alias)
        {
            Timeout = string.Create(CultureInfo.InvariantCulture, $"{(long)timeout.TotalMilliseconds}ms"),
            Source = new SourceConfig(false),
            Size = candidates,
            TrackTotalHits = false,
            Query = new BoolQuery { Filter = [new TermQuery("published", true), .. words] },
            Sort = [Ascending("sort_name"), Ascending("id")],
        };
    }

    /// <summary>One page of a streamed export: point in time, search_after, no aggregations.</summary>
    public static SearchRequest StreamPage(CaseQuery query, string pitId, IReadOnlyCollection<FieldValue>? searchAfter, int size, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(query);
        var request = Base(new SearchRequest(), query, timeout);
        request.Size = size;
        request.TrackTotalHits = false;
        return Paged(request, pitId, searchAfter);
    }

    /// <summary>Points a request at a point in time (which names the index) and continues after the last page's sort values.</summary>
    public static SearchRequest Paged(SearchRequest request, string pitId, IReadOnlyCollection<FieldValue>? searchAfter)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Pit = new PointInTimeReference(pitId) { KeepAlive = KeepAlive };
        request.SearchAfter = searchAfter?.ToList();
        return request;
    }

    private static SearchRequest Base(SearchRequest request, CaseQuery query, TimeSpan timeout)
    {
        request.Timeout = string.Create(CultureInfo.InvariantCulture, $"{(long)timeout.TotalMilliseconds}ms");
        request.Source = new SourceConfig(false);
        request.Query = MainQuery(query, QueryText.Parse(query.Text));
        request.PostFilter = Filter(query, except: null);
        request.Sort = Sort(query);
        return request;
    }

    private static Query MainQuery(CaseQuery query, QueryText text)
    {
        var filter = new List<Query> { new TermQuery("published", true) };
        if (query.Measure is { } measure && measure != Measure.Records)
        {
            var field = $"measure_years.{MeasureRules.Code(measure)}";
            filter.Add(query.Year is { } year ? new TermQuery(field, year) : new ExistsQuery(field));
        }

        if (query.Group is { } group)
        {
            filter.Add(new TermQuery("case_group", group));
        }

        var boolQuery = new BoolQuery { Filter = filter };
        if (!text.IsEmpty)
        {
            boolQuery.Must = text.Required.Count == 0
                ? [new MatchAllQuery()]
                : text.Required.Select(clause => AnyOf(clause.Alternatives.Select(TermClause))).ToList();
            if (text.Excluded.Count > 0)
            {
                boolQuery.MustNot = text.Excluded.Select(ExactClause).ToList();
            }

            var should = new List<Query>();
            if (text.Required.Count > 0)
            {
                // Every term matched exactly: such records always rank above records found only by a similar name.
                should.Add(new ConstantScoreQuery(new BoolQuery { Must = text.Required.Select(c => AnyOf(c.Alternatives.Select(ExactClause))).ToList() })
                {
                    Boost = SearchFields.ExactBonus,
                });
            }

            if (text.AdjacentWords is not null)
            {
                // Relevance alone ignores proximity: the words standing together as typed rank first.
                should.Add(MultiMatch(string.Join(' ', text.Required.Select(c => c.Alternatives[0].Raw)), TextQueryType.Phrase, boost: SearchFields.AdjacencyBonus));
            }

            if (should.Count > 0)
            {
                boolQuery.Should = should;
            }
        }

        return boolQuery;
    }

    private static Query AnyOf(IEnumerable<Query> clauses) => new BoolQuery { Should = clauses.ToList(), MinimumShouldMatch = 1 };

    private static Query TermClause(QueryTerm term)
    {
        if (term.Kind != TermKind.Word)
        {
            return ExactClause(term);
        }

        var token = term.Tokens[0];
        return AnyOf(
        [
            ExactClause(term),
            new MatchQuery("names.skeleton", NameMatcher.Skeleton(token)) { Fuzziness = new Fuzziness("AUTO"), Boost = SearchFields.FuzzyWeight, QueryName = "fuzzy" },
            new WildcardQuery("names.compact") { Value = $"*{token}*", CaseInsensitive = true, Boost = SearchFields.FuzzyWeight, QueryName = "fuzzy" },
        ]);
    }

    private static Query ExactClause(QueryTerm term) => term.Kind switch
    {
        TermKind.Phrase => MultiMatch(term.Raw, TextQueryType.Phrase, name: ExactName),
        TermKind.Prefix => MultiMatch(term.Raw, TextQueryType.PhrasePrefix, name: ExactName),
        _ => MultiMatch(term.Raw, TextQueryType.BestFields, name: ExactName),
    };

    private static Query MultiMatch(string text, TextQueryType type, string? name = null, float? boost = null) =>
        new MultiMatchQuery(text) { Type = type, Fields = TextFields, QueryName = name, Boost = boost };

    /// <summary>Every facet and event selection except <paramref name="except"/> (a facet name, or <see cref="EventFilter"/>).</summary>
    public static Query Filter(CaseQuery query, string? except)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = new List<Query>();
        foreach (var facet in FacetCatalogue.All)
        {
            if (facet.Name == except || facet == FacetCatalogue.Crime || facet == FacetCatalogue.ChargeStage)
            {
                continue;
            }

            var selected = query.Selected(facet.Name);
            if (selected.Count > 0)
            {
                filters.Add(ValuesOrMissing(facet.IndexField, selected));
            }
        }

        if (ChargeFilter(query, except) is { } charges)
        {
            filters.Add(charges);
        }

        if (query.HasEventFilter && except != EventFilter)
        {
            filters.Add(Nested("events", EventClauses(query)));
        }

        return new BoolQuery { Filter = filters };
    }

    /// <summary>Crime and charge stage match within one charge; "not recorded" in either means no charge at all.</summary>
    private static Query? ChargeFilter(CaseQuery query, string? except)
    {
        var crimes = except == FacetCatalogue.Crime.Name ? [] : query.Selected(FacetCatalogue.Crime.Name);
        var stages = except == FacetCatalogue.ChargeStage.Name ? [] : query.Selected(FacetCatalogue.ChargeStage.Name);
        if (crimes.Count == 0 && stages.Count == 0)
        {
            return null;
        }

        // A charge matches when its crime is among the selected crimes (if any are selected) and its stage among the
        // selected stages; a half that selects only "not recorded" lets no charge match.
        var realCrimes = crimes.Where(c => c != FacetCatalogue.Missing).ToList();
        var realStages = stages.Where(s => s != FacetCatalogue.Missing).ToList();
        var options = new List<Query>();
        if ((crimes.Count == 0 || realCrimes.Count > 0) && (stages.Count == 0 || realStages.Count > 0))
        {
            var within = new List<Query>();
            if (realCrimes.Count > 0)
            {
                within.Add(Terms("charges.crime", realCrimes));
            }

            if (realStages.Count > 0)
            {
                within.Add(Terms("charges.stage", realStages));
            }

            options.Add(Nested("charges", within));
        }

        if (crimes.Contains(FacetCatalogue.Missing) || stages.Contains(FacetCatalogue.Missing))
        {
            options.Add(new BoolQuery { MustNot = [Nested("charges", [new ExistsQuery("charges.crime")])] });
        }

        return AnyOf(options);
    }

    private static List<Query> EventClauses(CaseQuery query)
    {
        var clauses = new List<Query>();
        if (query.EventType is not null)
        {
            clauses.Add(new TermQuery("events.type", query.EventType));
        }

        if (query.FromYear is not null || query.ToYear is not null)
        {
            clauses.Add(new NumberRangeQuery("events.year") { Gte = query.FromYear, Lte = query.ToYear });
        }

        return clauses;
    }

    private static Dictionary<string, Aggregation> Aggregations(CaseQuery query)
    {
        var aggs = new Dictionary<string, Aggregation>(StringComparer.Ordinal);
        foreach (var facet in FacetCatalogue.All)
        {
            var inner = new Dictionary<string, Aggregation>(StringComparer.Ordinal)
            {
                ["missing"] = new MissingAggregation { Field = facet.IndexField },
            };
            if (facet == FacetCatalogue.Crime || facet == FacetCatalogue.ChargeStage)
            {
                // Count records per crime (or stage) among the charges the other half of the pair keeps.
                var (field, otherField, other) = facet == FacetCatalogue.Crime
                    ? ("charges.crime", "charges.stage", query.Selected(FacetCatalogue.ChargeStage.Name))
                    : ("charges.stage", "charges.crime", query.Selected(FacetCatalogue.Crime.Name));
                var keep = other.Any(v => v != FacetCatalogue.Missing) ? Terms(otherField, other.Where(v => v != FacetCatalogue.Missing)) : new MatchAllQuery();
                inner["charges"] = new Aggregation
                {
                    Nested = new NestedAggregation { Path = "charges" },
                    Aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal)
                    {
                        ["kept"] = new Aggregation
                        {
                            Filter = keep,
                            Aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal) { ["values"] = TermsWithRecords(field, 100) },
                        },
                    },
                };
            }
            else
            {
                inner["values"] = new TermsAggregation { Field = facet.IndexField, Size = 500 };
            }

            aggs[facet.Name] = new Aggregation { Filter = Filter(query, except: facet.Name), Aggregations = inner };
        }

        Query typed = query.EventType is null ? new MatchAllQuery() : new TermQuery("events.type", query.EventType);
        aggs["event_years"] = new Aggregation
        {
            Filter = Filter(query, except: EventFilter),
            Aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal)
            {
                ["events"] = new Aggregation
                {
                    Nested = new NestedAggregation { Path = "events" },
                    Aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal)
                    {
                        ["typed"] = new Aggregation
                        {
                            Filter = typed,
                            Aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal) { ["years"] = TermsWithRecords("events.year", 1000) },
                        },
                    },
                },
            },
        };
        return aggs;
    }

    /// <summary>A terms aggregation inside a nested object whose buckets also count the records (not the nested objects).</summary>
    private static Aggregation TermsWithRecords(string field, int size) => new()
    {
        Terms = new TermsAggregation { Field = field, Size = size },
        Aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal) { ["records"] = new ReverseNestedAggregation() },
    };

    private static List<SortOptions> Sort(CaseQuery query)
    {
        static SortOptions Descending(string field) => new() { Field = new FieldSort(field) { Order = EsSortOrder.Desc, Missing = "_last" } };
        SortOptions[] tail = [Ascending("sort_name"), Ascending("id")];
        SortOptions[] first = query.Sort switch
        {
            SortOrder.Name => [],
            SortOrder.Updated => [Descending("updated"), Descending("sort_date")],
            SortOrder.Relevance when query.Text is not null => [new SortOptions { Score = new ScoreSort { Order = EsSortOrder.Desc } }],
            _ => [Descending("sort_date")],
        };
        return [.. first, .. tail];
    }

    /// <summary>Ascending by a field: the stable order a scan pages through.</summary>
    public static SortOptions Ascending(string field) => new() { Field = new FieldSort(field) { Order = EsSortOrder.Asc } };

    private static Query ValuesOrMissing(string field, IReadOnlyList<string> selected)
    {
        var options = new List<Query>();
        var values = selected.Where(v => v != FacetCatalogue.Missing).ToList();
        if (values.Count > 0)
        {
            options.Add(Terms(field, values));
        }

        if (selected.Contains(FacetCatalogue.Missing))
        {
            options.Add(new BoolQuery { MustNot = [new ExistsQuery(field)] });
        }

        return AnyOf(options);
    }

    private static Query Nested(string path, ICollection<Query> filters) => new NestedQuery(path, new BoolQuery { Filter = filters });

    private static Query Terms(string field, IEnumerable<string> values) =>
        new TermsQuery(field, new TermsQueryField(values.Select(v => (FieldValue)v).ToList()));
}
